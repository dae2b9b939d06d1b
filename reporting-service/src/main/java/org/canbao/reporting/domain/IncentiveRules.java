package org.canbao.reporting.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Incentive funds per unit (Xiyan 2022): a rate per enrolled person by completion band at the cut-off, a bonus
 * per percentage point above 100 %, a rate for persons enrolled after the cut-off, a deduction per person short
 * of target, fixed bonuses for the top ranks that reached {@code topBonusMinRatio}, and fixed deductions for a unit
 * whose work falls short (Xiyan's 1000 CNY below 95 %, or with hardship groups below 100 %). Wuming's 1.5 yuan per
 * person for units finishing on time is one band at 1.00.
 * <p>{@code shortfallAt} is when the shortfall is measured: {@code WINDOW_END} (at the cut-off, as Xiyan's "集中征缴期未完成任务的
 * 每少1人" says) or {@code LATEST} (the default, for documents written before the setting: after late enrollees).
 */
public record IncentiveRules(String cutoff, List<Band> bands, BigDecimal bonusPerPointAbove100, BigDecimal latePerPerson,
                             BigDecimal shortfallPerPerson, List<BigDecimal> topBonuses, BigDecimal topBonusMinRatio,
                             String shortfallAt, List<Deduction> deductions) {
    public static final String WINDOW_END = "WINDOW_END";
    public static final String LATEST = "LATEST";

    public IncentiveRules(String cutoff, List<Band> bands, BigDecimal bonusPerPointAbove100, BigDecimal latePerPerson,
                          BigDecimal shortfallPerPerson, List<BigDecimal> topBonuses, BigDecimal topBonusMinRatio) {
        this(cutoff, bands, bonusPerPointAbove100, latePerPerson, shortfallPerPerson, topBonuses, topBonusMinRatio, null, null);
    }

    public record Band(BigDecimal minRatio, BigDecimal perPerson) {
    }

    /**
     * A fixed amount taken from a unit's funds when its ratio is below {@code belowRatio} or its hardship coverage
     * below {@code hardshipBelowRatio} (either suffices; taken once); {@code reason} is shown with it.
     */
    public record Deduction(BigDecimal amount, BigDecimal belowRatio, BigDecimal hardshipBelowRatio, String reason) {
        boolean applies(UnitProgress u) {
            return belowRatio != null && u.ratio().compareTo(belowRatio) < 0
                    || hardshipBelowRatio != null && u.hardship() != null && u.hardship().ratio() != null
                    && u.hardship().ratio().compareTo(hardshipBelowRatio) < 0;
        }
    }

    public record Incentive(String name, long enrolled, long lateEnrolled, BigDecimal ratio,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal perPerson,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal base,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal late,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shortfall,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal topBonus,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal deductions,
                            List<String> deductedFor,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total) {
    }

    /** @param atCutoff progress as of the cut-off; {@code lateEnrolled} persons enrolled after it, by unit */
    public List<Incentive> incentives(List<UnitProgress> atCutoff, Map<String, Long> lateEnrolled) {
        return atCutoff.stream().filter(u -> u.ratio() != null).map(u -> {
            BigDecimal perPerson = rate(u.ratio());
            long late = lateEnrolled.getOrDefault(u.name(), 0L);
            BigDecimal base = perPerson.multiply(BigDecimal.valueOf(u.enrolled()));
            BigDecimal lateAmount = orZero(latePerPerson).multiply(BigDecimal.valueOf(late));
            long short_ = Math.max(0, u.target() - u.enrolled() - (WINDOW_END.equals(shortfallAt) ? 0 : late));
            BigDecimal shortfall = orZero(shortfallPerPerson).multiply(BigDecimal.valueOf(short_)).negate();
            BigDecimal top = topBonus(u);
            List<Deduction> taken = deductions == null ? List.of() : deductions.stream().filter(d -> d.applies(u)).toList();
            BigDecimal deducted = taken.stream().map(Deduction::amount).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
            BigDecimal total = base.add(lateAmount).add(shortfall).add(top).add(deducted).setScale(2, RoundingMode.HALF_UP);
            return new Incentive(u.name(), u.enrolled(), late, u.ratio(), perPerson.setScale(2, RoundingMode.HALF_UP),
                    base.setScale(2, RoundingMode.HALF_UP), lateAmount.setScale(2, RoundingMode.HALF_UP),
                    shortfall.setScale(2, RoundingMode.HALF_UP), top.setScale(2, RoundingMode.HALF_UP),
                    deducted.setScale(2, RoundingMode.HALF_UP),
                    taken.stream().map(d -> d.reason() == null ? "deduction" : d.reason()).toList(), total);
        }).toList();
    }

    BigDecimal rate(BigDecimal ratio) {
        BigDecimal band = bands.stream().sorted(Comparator.comparing(Band::minRatio).reversed())
                .filter(b -> ratio.compareTo(b.minRatio()) >= 0).map(Band::perPerson).findFirst().orElse(BigDecimal.ZERO);
        BigDecimal pointsAbove = ratio.subtract(BigDecimal.ONE).movePointRight(2).setScale(0, RoundingMode.DOWN).max(BigDecimal.ZERO);
        return band.add(orZero(bonusPerPointAbove100).multiply(pointsAbove));
    }

    private BigDecimal topBonus(UnitProgress u) {
        if (topBonuses == null || u.rank() == null || u.rank() > topBonuses.size()
                || u.ratio().compareTo(topBonusMinRatio == null ? BigDecimal.ONE : topBonusMinRatio) < 0) {
            return BigDecimal.ZERO;
        }
        return topBonuses.get(u.rank() - 1);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

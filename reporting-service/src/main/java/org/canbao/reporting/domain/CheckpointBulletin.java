package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint's bulletin (Pingjiang: 70 % by 10 Nov, 90 % by 10 Dec, 100 % by 31 Dec; Aikou and Wuming: a weekly
 * bulletin with no required ratio): the ranking as of the cut-off, the top three who present their experience, the
 * last place, every ranked unit below the ratio (none without one), the bottom N flagged (Aikou's 后3名 called in),
 * and the units whose hardship coverage is below the floor. {@code ratioOf} {@code eligible} measures the ratio
 * against each unit's eligible population instead of its target. {@code calledIn}: the units among the bottom N at
 * {@code bottomInARow} bulletins in a row, this one included (Aikou's 连续…后3名); with 1, the bottom N itself.
 */
public record CheckpointBulletin(OffsetDateTime cutoff, BigDecimal requiredRatio, String ratioOf, List<UnitProgress> ranking,
                                 List<String> topThree, String lastPlace, boolean lastPlaceBelow, List<String> below,
                                 List<String> bottom, BigDecimal hardshipFloor, List<String> hardshipBelowFloor,
                                 int bottomInARow, List<String> calledIn) {

    public static CheckpointBulletin of(OffsetDateTime cutoff, BigDecimal requiredRatio, List<UnitProgress> units) {
        return of(cutoff, requiredRatio, null, Map.of(), units, CampaignRules.DEFAULT_BOTTOM_N, BigDecimal.ONE);
    }

    /** @param eligible each unit's eligible population, read when {@code ratioOf} is {@code eligible} */
    public static CheckpointBulletin of(OffsetDateTime cutoff, BigDecimal requiredRatio, String ratioOf,
                                        Map<String, Long> eligible, List<UnitProgress> units, int bottomN, BigDecimal hardshipFloor) {
        List<UnitProgress> ranked = units.stream().filter(u -> u.rank() != null)
                .sorted(Comparator.comparing(UnitProgress::rank)).toList();
        List<String> top = ranked.stream().limit(3).map(UnitProgress::name).toList();
        UnitProgress last = ranked.isEmpty() ? null : ranked.get(ranked.size() - 1);
        List<String> below = requiredRatio == null ? List.of()
                : ranked.stream().filter(u -> below(u, requiredRatio, ratioOf, eligible)).map(UnitProgress::name).toList();
        return new CheckpointBulletin(cutoff, requiredRatio, requiredRatio == null ? null : ratioOf == null ? "target" : ratioOf,
                ranked, top, last == null ? null : last.name(),
                last != null && requiredRatio != null && below(last, requiredRatio, ratioOf, eligible), below,
                BottomFlags.bottom(units, bottomN), hardshipFloor, BottomFlags.belowHardshipFloor(units, hardshipFloor),
                1, BottomFlags.bottom(units, bottomN));
    }

    /** The same bulletin calling in the units that were among the bottom N at {@code inARow} bulletins in a row. */
    public CheckpointBulletin calling(int inARow, List<String> units) {
        return new CheckpointBulletin(cutoff, requiredRatio, ratioOf, ranking, topThree, lastPlace, lastPlaceBelow, below,
                bottom, hardshipFloor, hardshipBelowFloor, inARow, units);
    }

    /** Below the ratio of its target, or of its eligible population where the checkpoint says so and the table gives one. */
    static boolean below(UnitProgress u, BigDecimal requiredRatio, String ratioOf, Map<String, Long> eligible) {
        Long base = "eligible".equals(ratioOf) && eligible.get(u.name()) != null ? eligible.get(u.name()) : u.target();
        if (base == null || base == 0) {
            return false;
        }
        return BigDecimal.valueOf(u.enrolled()).compareTo(requiredRatio.multiply(BigDecimal.valueOf(base))) < 0;
    }
}

package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.i18n.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a county's allocation table (the shape of {@code domain/data/*-targets.csv}): {@code unit_name},
 * {@code unit_kind}, {@code target} and optionally {@code ranked}. Real tables hold inconsistencies (Aikou
 * 坝芒村: 3327 − 61 ≠ 3226); they are accepted and reported as warnings, never silently corrected.
 */
public final class CampaignTargets {
    public record Parsed(List<UnitTarget> units, List<String> warnings) {
    }

    private CampaignTargets() {
    }

    /** @param rows one map a row, with the line number a person would see in the file */
    public static Parsed read(List<Map<String, String>> rows, List<Integer> lineNumbers) {
        List<UnitTarget> units = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Message> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int line = lineNumbers.get(i);
            String name = first(row, "unit_name", "name");
            if (name == null) {
                errors.add(Message.of("campaign.line", line, Message.of("field.missing", "unit_name")));
                continue;
            }
            if (!names.add(name)) {
                errors.add(Message.of("campaign.line", line, Message.of("campaign.unit-twice", name)));
                continue;
            }
            Long target = number(row, "target", line, errors);
            String kind = first(row, "unit_kind", "kind");
            String ranked = first(row, "ranked");
            Long population = number(row, "population", line, errors);
            Long employeeInsured = number(row, "employee_insured", line, errors);
            Long elsewhere = number(row, "enrolled_elsewhere", line, errors);
            BigDecimal rate = rate(row, line, errors);
            if (target == null && rate != null) {
                if (population == null) {
                    errors.add(Message.of("campaign.line", line, Message.of("campaign.rate-without-population", name)));
                } else {
                    target = formula(population, employeeInsured, elsewhere, rate);
                }
            } else if (target != null && rate != null) {
                errors.add(Message.of("campaign.line", line, Message.of("campaign.target-and-rate", name)));
            }
            Long eligible = number(row, "eligible", line, errors);
            Long eligibleOrComputed = eligible != null ? eligible
                    : population != null && (employeeInsured != null || elsewhere != null)
                    ? population - (employeeInsured == null ? 0 : employeeInsured) - (elsewhere == null ? 0 : elsewhere) : null;
            units.add(new UnitTarget(name, kind, target, ranked == null ? !"special_unit".equals(kind) : Boolean.parseBoolean(ranked),
                    first(row, "parent", "parent_name"), eligibleOrComputed));
            if (population != null && employeeInsured != null && eligible != null && population - employeeInsured != eligible) {
                warnings.add("line " + line + ": " + name + " population " + population + " - employee_insured "
                        + employeeInsured + " = " + (population - employeeInsured) + ", not the eligible " + eligible);
            }
            if (target == null) {
                warnings.add("line " + line + ": " + name + " has no target and gets no ratio");
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(UnitTree.problems(units));
        }
        if (!errors.isEmpty()) {
            throw errors.size() == 1 ? new InvalidInput(errors.get(0)) : new InvalidInput("campaign.errors", errors.toArray());
        }
        return new Parsed(units, warnings);
    }

    /**
     * A target computed from the table's columns as notices set it: (population − employee-insured − enrolled
     * elsewhere) × rate, rounded half up to whole persons (Wuming 2018: 97 % of the base population; Aikou 2023:
     * the population less those enrolled elsewhere, 核减).
     */
    public static long formula(long population, Long employeeInsured, Long enrolledElsewhere, BigDecimal rate) {
        long base = population - (employeeInsured == null ? 0 : employeeInsured) - (enrolledElsewhere == null ? 0 : enrolledElsewhere);
        return BigDecimal.valueOf(base).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal rate(Map<String, String> row, int line, List<Message> errors) {
        String value = first(row, "rate");
        if (value == null) {
            return null;
        }
        try {
            BigDecimal rate = new BigDecimal(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
            rate = value.endsWith("%") ? rate.movePointLeft(2) : rate;
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                errors.add(Message.of("campaign.line", line, Message.of("campaign.rate-not-share", value)));
                return null;
            }
            return rate;
        } catch (NumberFormatException e) {
            errors.add(Message.of("campaign.line", line, Message.of("campaign.rate-not-number", value)));
            return null;
        }
    }

    private static String first(Map<String, String> row, String... keys) {
        for (String key : keys) {
            String value = row.get(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static Long number(Map<String, String> row, String key, int line, List<Message> errors) {
        String value = first(row, key);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                errors.add(Message.of("campaign.line", line, Message.of("campaign.negative", key, n)));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(Message.of("campaign.line", line, Message.of("field.not-whole-number", key, value)));
            return null;
        }
    }
}

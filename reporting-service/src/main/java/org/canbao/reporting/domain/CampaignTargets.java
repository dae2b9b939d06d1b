package org.canbao.reporting.domain;

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
            units.add(new UnitTarget(name, kind, target, ranked == null ? !"special_unit".equals(kind) : Boolean.parseBoolean(ranked)));
            Long population = number(row, "population", line, errors);
            Long employeeInsured = number(row, "employee_insured", line, errors);
            Long eligible = number(row, "eligible", line, errors);
            if (population != null && employeeInsured != null && eligible != null && population - employeeInsured != eligible) {
                warnings.add("line " + line + ": " + name + " population " + population + " - employee_insured "
                        + employeeInsured + " = " + (population - employeeInsured) + ", not the eligible " + eligible);
            }
            if (target == null) {
                warnings.add("line " + line + ": " + name + " has no target and gets no ratio");
            }
        }
        if (!errors.isEmpty()) {
            throw errors.size() == 1 ? new InvalidInput(errors.get(0)) : new InvalidInput("campaign.errors", errors.toArray());
        }
        return new Parsed(units, warnings);
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

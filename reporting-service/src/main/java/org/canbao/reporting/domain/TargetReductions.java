package org.canbao.reporting.domain;

import java.util.List;
import java.util.Map;

/**
 * 核减: a unit's target reduced by the persons living in it whom the medical-insurance bureau excluded for a reason
 * the campaign names (Aikou: residents shown to be insured elsewhere, "进行核减任务"), one person each, never below
 * zero. Units whose target is the sum of their children's are reduced through them.
 */
public final class TargetReductions {
    private TargetReductions() {
    }

    /** @param excluded persons excluded for the campaign's reasons, by the township or village they live in */
    public static List<UnitTarget> apply(List<UnitTarget> units, Map<String, Long> excluded) {
        if (excluded.isEmpty()) {
            return units;
        }
        return units.stream().map(u -> u.target() == null || !excluded.containsKey(u.name()) ? u
                : u.withTarget(Math.max(0, u.target() - excluded.get(u.name())))).toList();
    }
}

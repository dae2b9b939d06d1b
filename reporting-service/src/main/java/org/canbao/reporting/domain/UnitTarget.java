package org.canbao.reporting.domain;

/**
 * A unit of the campaign with its target and the unit it belongs to ({@code parent}: a village's township, a
 * township's county, …; null at the top); unranked units (a demonstration centre) are shown but not ranked.
 */
public record UnitTarget(String name, String kind, Long target, boolean ranked, String parent) {
    public UnitTarget(String name, String kind, Long target, boolean ranked) {
        this(name, kind, target, ranked, null);
    }

    public UnitTarget withTarget(Long target) {
        return new UnitTarget(name, kind, target, ranked, parent);
    }
}

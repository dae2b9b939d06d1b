package org.canbao.reporting.domain;

/**
 * A unit of the campaign with its target and the unit it belongs to ({@code parent}: a village's township, a
 * township's county, …; null at the top); unranked units (a demonstration centre) are shown but not ranked.
 * {@code eligible} is the table's eligible population where it gives one (a checkpoint may measure against it).
 */
public record UnitTarget(String name, String kind, Long target, boolean ranked, String parent, Long eligible) {
    public UnitTarget(String name, String kind, Long target, boolean ranked, String parent) {
        this(name, kind, target, ranked, parent, null);
    }

    public UnitTarget(String name, String kind, Long target, boolean ranked) {
        this(name, kind, target, ranked, null, null);
    }

    public UnitTarget withTarget(Long target) {
        return new UnitTarget(name, kind, target, ranked, parent, eligible);
    }
}

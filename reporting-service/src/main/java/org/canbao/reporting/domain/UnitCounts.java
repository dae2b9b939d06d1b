package org.canbao.reporting.domain;

/** Persons counted in a unit: enrolled, and of the hardship persons, how many and how many enrolled. */
public record UnitCounts(long enrolled, long hardshipTotal, long hardshipEnrolled) {
    public static final UnitCounts NONE = new UnitCounts(0, 0, 0);

    public UnitCounts plus(UnitCounts other) {
        return new UnitCounts(enrolled + other.enrolled, hardshipTotal + other.hardshipTotal,
                hardshipEnrolled + other.hardshipEnrolled);
    }
}

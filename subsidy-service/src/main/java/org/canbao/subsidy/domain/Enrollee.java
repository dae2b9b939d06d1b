package org.canbao.subsidy.domain;

import java.time.LocalDate;

/**
 * What is known of a person besides categories and payments, for the benefit-start rules: a birth date (newborns),
 * an intake into a child welfare institution, and whether they enrol in another pooling region than the one that
 * recognised their hardship (跨统筹区参保). Null where the facts do not say.
 */
public record Enrollee(LocalDate birthDate, LocalDate intakeDate, boolean crossRegion) {
    public static final Enrollee UNKNOWN = new Enrollee(null, null, false);
}

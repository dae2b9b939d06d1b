package org.canbao.subsidy.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What is known of a person besides categories and payments, for the benefit-start rules: a birth date (newborns),
 * an intake into a child welfare institution, and whether they enrol in another pooling region than the one that
 * recognised their hardship (跨统筹区参保). Null where the facts do not say.
 */
public record Enrollee(LocalDate birthDate, LocalDate intakeDate, boolean crossRegion) {
    public static final Enrollee UNKNOWN = new Enrollee(null, null, false);

    /**
     * The category civil affairs reports for a child taken into a child welfare institution (儿童福利机构收留抚养的
     * 儿童); the spell's first day is the intake.
     */
    public static final String INTAKE_CATEGORY = "WELFARE_INSTITUTION_CHILD";

    /**
     * The person as a policy year sees them: the birth date where identity-verified carried one (infants only), and
     * the intake of that year, after the window closed (a child taken in before it enrols in the window like anyone).
     */
    public static Enrollee of(LocalDate birthDate, List<CategorySpell> spells, Policy policy) {
        LocalDate intake = spells.stream()
                .filter(s -> INTAKE_CATEGORY.equals(s.category()))
                .map(CategorySpell::validFrom)
                .filter(d -> d.isAfter(policy.windowCloses()) && d.getYear() <= policy.year())
                .max(Comparator.naturalOrder()).orElse(null);
        return new Enrollee(birthDate, intake, false);
    }
}

package org.canbao.subsidy.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is known of a person besides categories and payments, for the benefit-start and subsidy rules: a birth date
 * (newborns), an intake into a child welfare institution, whether they enrol in another pooling region than one that
 * recognised their hardship (跨统筹区参保), and the policies of those recognising regions for the year ({@code
 * standards}, by region code). Null or empty where the facts do not say.
 */
public record Enrollee(LocalDate birthDate, LocalDate intakeDate, boolean crossRegion, Map<String, Policy> standards) {
    public static final Enrollee UNKNOWN = new Enrollee(null, null, false);

    /**
     * The category civil affairs reports for a child taken into a child welfare institution (儿童福利机构收留抚养的
     * 儿童); the spell's first day is the intake.
     */
    public static final String INTAKE_CATEGORY = "WELFARE_INSTITUTION_CHILD";

    public Enrollee {
        standards = standards == null ? Map.of() : Map.copyOf(standards);
    }

    public Enrollee(LocalDate birthDate, LocalDate intakeDate, boolean crossRegion) {
        this(birthDate, intakeDate, crossRegion, Map.of());
    }

    /** As {@link #of(LocalDate, List, Policy, String, Function)} with no region known: nobody is across regions. */
    public static Enrollee of(LocalDate birthDate, List<CategorySpell> spells, Policy policy) {
        return of(birthDate, spells, policy, null, region -> Optional.empty());
    }

    /**
     * The person as a policy year sees them: the birth date where identity-verified carried one (infants only); the
     * intake of that year, after the window closed (a child taken in before it enrols in the window like anyone);
     * across regions when a category of the year was recognised by another region than {@code ownRegion}.
     *
     * @param policyOf a region's policy for the same year, if it has one
     */
    public static Enrollee of(LocalDate birthDate, List<CategorySpell> spells, Policy policy, String ownRegion,
                              Function<String, Optional<Policy>> policyOf) {
        LocalDate intake = spells.stream()
                .filter(s -> INTAKE_CATEGORY.equals(s.category()))
                .map(CategorySpell::validFrom)
                .filter(d -> d.isAfter(policy.windowCloses()) && d.getYear() <= policy.year())
                .max(Comparator.naturalOrder()).orElse(null);
        Map<String, Policy> standards = new HashMap<>();
        boolean across = false;
        for (CategorySpell spell : spells) {
            if (ownRegion != null && spell.region() != null && !spell.region().equals(ownRegion) && spell.concerns(policy)) {
                across = true;
                policyOf.apply(spell.region()).ifPresent(p -> standards.put(spell.region(), p));
            }
        }
        return new Enrollee(birthDate, intake, across, standards);
    }

    /** Whose rules price this spell's subsidy: the recognising region's where the policy says so and it has one. */
    Policy standardFor(Policy own, CategorySpell spell) {
        if (own.crossRegionStandard() != Policy.CrossRegionStandard.RECOGNISING_REGION || spell.region() == null) {
            return own;
        }
        return standards.getOrDefault(spell.region(), own);
    }
}

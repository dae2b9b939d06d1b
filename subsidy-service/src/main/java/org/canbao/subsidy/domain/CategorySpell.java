package org.canbao.subsidy.domain;

import java.time.LocalDate;

/** A department recognised a category for a person from one business date until another (open when null). */
public record CategorySpell(String category, String department, LocalDate validFrom, LocalDate validUntil) {

    /**
     * Whether the spell earns this policy year's subsidy: recognised by the time the window closes (POLICY.md
     * rule 3) and still in force on the base-list date or later (rule 5: a later exit changes nothing).
     */
    public boolean countsFor(Policy policy) {
        return !validFrom.isAfter(policy.windowCloses())
                && (validUntil == null || validUntil.isAfter(policy.baseDate()));
    }
}

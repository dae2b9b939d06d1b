package org.canbao.subsidy.domain;

import java.time.LocalDate;

/**
 * A department recognised a category for a person from one business date until another (open when null);
 * {@code region} is the pooling region whose department it was, null when the feed named none.
 */
public record CategorySpell(String category, String department, LocalDate validFrom, LocalDate validUntil,
                            String region) {

    /** Recognised by a department of the deployment, no region named. */
    public CategorySpell(String category, String department, LocalDate validFrom, LocalDate validUntil) {
        this(category, department, validFrom, validUntil, null);
    }

    /**
     * Whether the spell earns this policy year's subsidy: a category of the year's vocabulary, recognised by the time
     * the window closes (POLICY.md rule 3), for this year's period unless the policy keeps statuses until they end
     * (a status belongs to the period it was recognised for), and still in force on the base-list date or later
     * (rule 5: a later exit changes nothing).
     */
    public boolean countsFor(Policy policy) {
        return policy.knows(category) && !validFrom.isAfter(policy.windowCloses()) && ofThePeriod(policy)
                && (validUntil == null || validUntil.isAfter(policy.baseDate()));
    }

    /** Recognised within the year up to the window's close, or kept by the policy until it ends. */
    public boolean ofThePeriod(Policy policy) {
        return policy.statusValidity() == Policy.StatusValidity.UNTIL_ENDED
                || validFrom.isAfter(policy.windowCloses().minusYears(1));
    }

    /**
     * Recognised after the window but within the policy year, where the policy lets such a category earn the
     * subsidy of a person not yet enrolled (随参随缴, {@link Policy.AfterWindow#PAY_DIFFERENCE}).
     */
    public boolean countsLate(Policy policy) {
        return policy.afterWindow() == Policy.AfterWindow.PAY_DIFFERENCE && policy.knows(category)
                && validFrom.isAfter(policy.windowCloses()) && validFrom.getYear() <= policy.year()
                && (validUntil == null || validUntil.isAfter(validFrom));
    }

    /** Whether the spell may decide anything in this policy year (in the window, or late). */
    public boolean concerns(Policy policy) {
        return countsFor(policy) || countsLate(policy);
    }
}

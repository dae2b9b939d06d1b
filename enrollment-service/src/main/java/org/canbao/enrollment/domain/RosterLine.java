package org.canbao.enrollment.domain;

import java.util.Objects;
import java.util.Set;
import org.canbao.contracts.IdNumber;

/** One person as the household roster (public security) reports them. */
public record RosterLine(IdNumber idNumber, String name, String householdId, String township, String village,
                         ResidentStatus status) {

    public enum ResidentStatus { ACTIVE, MOVED_OUT, DECEASED }

    /**
     * Why the line's place is not one of the campaign units, or null when it is. With no campaign defined
     * yet there is nothing to check against, so every place is accepted.
     */
    public String unknownPlace(Set<String> knownUnits) {
        if (knownUnits.isEmpty() || knownUnits.contains(township) || (village != null && knownUnits.contains(village))) {
            return null;
        }
        return "unknown township '" + township + "'" + (village == null ? "" : " and village '" + village + "'");
    }

    public boolean sameAs(String name, String householdId, String township, String village, String status) {
        return this.name.equals(name) && this.householdId.equals(householdId) && this.township.equals(township)
                && Objects.equals(this.village, village) && this.status.name().equals(status);
    }
}

package org.canbao.enrollment.domain;

import java.util.Objects;
import java.util.Set;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.BatchLine;
import org.canbao.platform.batch.LineChecks;
import org.canbao.platform.i18n.Message;

/** One person as the household roster (public security) reports them. */
public record RosterLine(IdNumber idNumber, String name, String householdId, String township, String village,
                         ResidentStatus status) {

    public enum ResidentStatus { ACTIVE, MOVED_OUT, DECEASED }

    /** Unit kinds below a township, which a campaign lists only when it sets targets per village. */
    public static final Set<String> VILLAGE_KINDS = Set.of("village", "community");
    private static final int NAME_MAX = 64;

    /** A roster line as a department sends it; names and places are text a person typed, within sane bounds. */
    public static RosterLine read(BatchLine line) {
        LineChecks checks = new LineChecks();
        RosterLine read = new RosterLine(checks.read(() -> line.idNumber("idNumber")),
                checks.read(() -> line.text("name", NAME_MAX, true)), checks.read(() -> line.text("householdId", NAME_MAX, true)),
                checks.read(() -> line.text("township", NAME_MAX, true)), checks.read(() -> line.text("village", NAME_MAX, false)),
                checks.read(() -> line.enumValue("status", ResidentStatus.class, ResidentStatus.ACTIVE)));
        checks.done();
        return read;
    }

    /**
     * Why the line's village is not one the campaigns define, or null. Only campaigns with targets per village
     * list villages; then a village not among them is a typo, not a new village.
     */
    public Message unknownVillage(Set<String> knownVillages) {
        if (village == null || knownVillages.isEmpty() || knownVillages.contains(village)) {
            return null;
        }
        return Message.of("roster.unknown-village", village);
    }

    /**
     * Why the line's place is not one of the campaign units, or null when it is. With no campaign defined
     * yet there is nothing to check against, so every place is accepted.
     */
    public Message unknownPlace(Set<String> knownUnits) {
        if (knownUnits.isEmpty() || knownUnits.contains(township) || (village != null && knownUnits.contains(village))) {
            return null;
        }
        return village == null ? Message.of("roster.unknown-township", township)
                : Message.of("roster.unknown-township-village", township, village);
    }

    public boolean sameAs(String name, String householdId, String township, String village, String status) {
        return this.name.equals(name) && this.householdId.equals(householdId) && this.township.equals(township)
                && Objects.equals(this.village, village) && this.status.name().equals(status);
    }
}

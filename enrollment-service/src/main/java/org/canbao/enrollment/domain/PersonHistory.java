package org.canbao.enrollment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;

/**
 * What happened to a person, in stream order, in words: each event with its business time, when Canbao recorded
 * it, who reported it, and what it changed against the events before it.
 */
public final class PersonHistory {
    /** One event of the person's stream, as read back from the store. */
    public record Recorded(long version, CanbaoEvent event, Instant recordedAt) {
    }

    public record Entry(long version, String type, String businessTime, Instant recordedAt, String reportedBy,
                        String summary, Map<String, String> changes) {
    }

    private PersonHistory() {
    }

    public static List<Entry> of(List<Recorded> events) {
        List<Entry> entries = new ArrayList<>();
        IdentityVerified identity = null;
        for (Recorded recorded : events) {
            CanbaoEvent event = recorded.event();
            if (event instanceof IdentityVerified now) {
                entries.add(identity(recorded, identity, now));
                identity = now;
            } else if (event instanceof StatusChanged change) {
                String what = switch (change.change()) {
                    case ADDED -> "recognised as ";
                    case RENEWED -> "recognised again as ";
                    case REMOVED -> "no longer ";
                };
                entries.add(new Entry(recorded.version(), "status-changed", change.validFrom().toString(),
                        recorded.recordedAt(), change.department(), what + change.category() + " from " + change.validFrom(),
                        Map.of("category", change.category(), "change", change.change().name())));
            } else if (event instanceof PersonExcluded excluded) {
                entries.add(new Entry(recorded.version(), "person-excluded", excluded.recordedAt().toString(),
                        recorded.recordedAt(), "medical-insurance",
                        "excluded from the " + excluded.policyYear() + " campaign: " + excluded.reason(),
                        Map.of("policyYear", String.valueOf(excluded.policyYear()), "reason", excluded.reason())));
            } else {
                entries.add(new Entry(recorded.version(), event.getClass().getSimpleName(), null,
                        recorded.recordedAt(), null, "recorded", Map.of()));
            }
        }
        return entries;
    }

    private static Entry identity(Recorded recorded, IdentityVerified before, IdentityVerified now) {
        Map<String, String> changes = new LinkedHashMap<>();
        change(changes, "householdId", before == null ? null : before.householdId(), now.householdId());
        change(changes, "township", before == null ? null : before.township(), now.township());
        change(changes, "village", before == null ? null : before.village(), now.village());
        change(changes, "status", before == null ? null : before.status(), now.status());
        String summary = before == null
                ? "entered on the household roster in " + place(now) + ", household " + now.householdId()
                : "roster line changed: " + String.join(", ", changes.keySet());
        return new Entry(recorded.version(), "identity-verified", now.recordedAt().toString(), recorded.recordedAt(),
                "public-security", summary, changes);
    }

    private static void change(Map<String, String> changes, String field, String before, String now) {
        if (!Objects.equals(before, now)) {
            changes.put(field, (before == null ? "" : before + " → ") + (now == null ? "(none)" : now));
        }
    }

    private static String place(IdentityVerified identity) {
        return identity.village() == null ? identity.township() : identity.township() + " " + identity.village();
    }
}

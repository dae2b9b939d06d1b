package org.canbao.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A department recognised ({@code ADDED}) or ended ({@code REMOVED}) a hardship category, valid from a business date;
 * or named a category already in force on a list of a later year ({@code RENEWED}, from the list's date): recognised
 * again for the new period, which is what a policy whose statuses belong to the period they were recognised for needs.
 * {@code region} is the pooling region whose department recognised it (the feed's {@code region}), null when the feed
 * named none: a person enrolled in another region than the one that recognised them is enrolled across regions
 * (跨统筹区), for which a policy may apply the recognising region's standard.
 */
public record StatusChanged(String personKey, String department, String category, Change change,
                            LocalDate validFrom, Instant recordedAt, String region) implements CanbaoEvent {
    public enum Change { ADDED, REMOVED, RENEWED }

    /** Recognised by a department of the deployment, no region named. */
    public StatusChanged(String personKey, String department, String category, Change change, LocalDate validFrom,
                         Instant recordedAt) {
        this(personKey, department, category, change, validFrom, recordedAt, null);
    }

    @Override
    public String subject() {
        return personKey;
    }
}

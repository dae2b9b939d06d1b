package org.canbao.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A department recognised ({@code ADDED}) or ended ({@code REMOVED}) a hardship category, valid from a business date;
 * or named a category already in force on a list of a later year ({@code RENEWED}, from the list's date): recognised
 * again for the new period, which is what a policy whose statuses belong to the period they were recognised for needs.
 */
public record StatusChanged(String personKey, String department, String category, Change change,
                            LocalDate validFrom, Instant recordedAt) implements CanbaoEvent {
    public enum Change { ADDED, REMOVED, RENEWED }

    @Override
    public String subject() {
        return personKey;
    }
}

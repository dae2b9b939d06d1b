package org.canbao.contracts;

import java.time.Instant;
import java.time.LocalDate;

/** A department recognised ({@code ADDED}) or ended ({@code REMOVED}) a hardship category, valid from a business date. */
public record StatusChanged(String personKey, String department, String category, Change change,
                            LocalDate validFrom, Instant recordedAt) implements CanbaoEvent {
    public enum Change { ADDED, REMOVED }

    @Override
    public String subject() {
        return personKey;
    }
}

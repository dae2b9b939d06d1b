package org.canbao.contracts;

import java.time.Instant;
import java.time.LocalDate;

/** A roster line matched a valid ID number: the person is known, with household, township and village. */
public record IdentityVerified(String personKey, String maskedId, String householdId, String township,
                               String village, String status, LocalDate birthDate, Instant recordedAt)
        implements CanbaoEvent {
    @Override
    public String subject() {
        return personKey;
    }
}

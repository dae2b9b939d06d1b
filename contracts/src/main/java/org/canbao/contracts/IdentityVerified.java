package org.canbao.contracts;

import java.time.Instant;

/**
 * A roster line matched a valid ID number: the person is known, with household, township and village.
 * Version 2 carries the birth year only: with the masked number, a full birth date would rebuild the number.
 * {@code householdId} is the household's pseudonym ({@link Pseudonyms#householdKey}), never the number itself,
 * which is often the household head's ID number.
 */
public record IdentityVerified(String personKey, String maskedId, String householdId, String township,
                               String village, String status, int birthYear, Instant recordedAt)
        implements CanbaoEvent {
    @Override
    public String subject() {
        return personKey;
    }
}

package org.canbao.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A roster line matched a valid ID number: the person is known, with household, township and village.
 * Version 2 carries the birth year: with the masked number, a full birth date would rebuild the number. Only for an
 * infant, born less than a year before the roster's business date, does {@code birthDate} carry the day (null for
 * everyone else): the newborn rules (covered from birth when enrolled within 90 days) need it, and a year is longer
 * than any of them. {@code householdId} is the household's pseudonym ({@link Pseudonyms#householdKey}), never the
 * number itself, which is often the household head's ID number.
 */
public record IdentityVerified(String personKey, String maskedId, String householdId, String township,
                               String village, String status, int birthYear, Instant recordedAt, LocalDate birthDate)
        implements CanbaoEvent {

    /** A person who is no infant: the birth year only. */
    public IdentityVerified(String personKey, String maskedId, String householdId, String township, String village,
                            String status, int birthYear, Instant recordedAt) {
        this(personKey, maskedId, householdId, township, village, status, birthYear, recordedAt, null);
    }

    /** The birth date to publish: the day for an infant on {@code asOf}, else none. */
    public static LocalDate infantBirthDate(LocalDate born, LocalDate asOf) {
        return born.isAfter(asOf.minusYears(1)) && !born.isAfter(asOf) ? born : null;
    }

    @Override
    public String subject() {
        return personKey;
    }
}

package org.canbao.subsidy.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * When a payment after the window is covered from, and what it owes: one rule of a policy's {@code benefitRules}.
 * It applies to a payment made in its date band ({@code from}–{@code until}, open where null) by the persons it names,
 * except those in {@code except}; the first rule that applies decides. A payment no rule takes is covered from the
 * first of the next month at the personal due (POLICY.md "other late enrollment").
 *
 * @param newbornAge how young a newborn must be at payment (Xiyan: P90D, Wuming: P3M), for {@code NEWBORN} persons
 * @param days       the waiting period of {@code DAYS_AFTER_PAYMENT} (Aikou: 90)
 */
public record BenefitRule(LocalDate from, LocalDate until, Persons persons, Period newbornAge, Start start,
                          Integer days, Due due, List<Persons> except) {

    /** Whom a rule names. A newborn or an intake is known only where the facts carry a birth or intake date. */
    public enum Persons { EVERYONE, HARDSHIP, NEWBORN, INTAKE }

    /** From when the person is covered; {@code NO_ENROLLMENT} takes no enrolment for the year at all. */
    public enum Start { FROM_BIRTH, FROM_INTAKE, FROM_PAYMENT, NEXT_MONTH, DAYS_AFTER_PAYMENT, NO_ENROLLMENT }

    /**
     * {@code PERSONAL}: the contribution less the subsidy that counts (the personal standard, or the difference after
     * a subsidy); {@code FULL_FINANCING}: the contribution plus the policy's fiscal share, with no subsidy.
     */
    public enum Due { PERSONAL, FULL_FINANCING }

    public BenefitRule {
        persons = persons == null ? Persons.EVERYONE : persons;
        due = due == null ? Due.PERSONAL : due;
        except = except == null ? List.of() : List.copyOf(except);
    }

    public boolean inBand(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }

    /** Whether the rule takes this payment day of this person (before its exceptions). */
    public boolean appliesTo(LocalDate paid, Enrollee who, boolean hardship) {
        return inBand(paid) && is(persons, paid, who, hardship) && except.stream().noneMatch(p -> is(p, paid, who, hardship));
    }

    private boolean is(Persons group, LocalDate paid, Enrollee who, boolean hardship) {
        return switch (group) {
            case EVERYONE -> true;
            case HARDSHIP -> hardship;
            case NEWBORN -> who.birthDate() != null && newbornAge != null
                    && !paid.isAfter(who.birthDate().plus(newbornAge));
            case INTAKE -> who.intakeDate() != null;
        };
    }

    /** The first day of cover for a person enrolled on {@code enrolled}; null for {@code NO_ENROLLMENT}. */
    public LocalDate coveredFrom(LocalDate enrolled, Enrollee who) {
        return switch (start) {
            case FROM_BIRTH -> who.birthDate() != null ? who.birthDate() : enrolled;
            case FROM_INTAKE -> who.intakeDate() != null ? who.intakeDate() : enrolled;
            case FROM_PAYMENT -> enrolled;
            case NEXT_MONTH -> enrolled.withDayOfMonth(1).plusMonths(1);
            case DAYS_AFTER_PAYMENT -> enrolled.plusDays(days);
            case NO_ENROLLMENT -> null;
        };
    }

    public String describe() {
        String band = from == null && until == null ? "after the window"
                : "paid " + (from == null ? "" : "from " + from) + (until == null ? "" : " until " + until);
        String whom = persons.name().toLowerCase().replace('_', ' ')
                + (except.isEmpty() ? "" : " except " + except.stream().map(p -> p.name().toLowerCase()).toList());
        String what = switch (start) {
            case FROM_BIRTH -> "covered from birth";
            case FROM_INTAKE -> "covered from intake";
            case FROM_PAYMENT -> "covered from the payment date";
            case NEXT_MONTH -> "covered from the first of the next month";
            case DAYS_AFTER_PAYMENT -> "covered " + days + " days after payment";
            case NO_ENROLLMENT -> "no enrolment for the year";
        };
        return band + ", " + whom + ": " + what + (due == Due.FULL_FINANCING ? ", at the full financing standard" : "");
    }
}

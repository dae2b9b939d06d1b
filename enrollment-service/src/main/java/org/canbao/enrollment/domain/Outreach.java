package org.canbao.enrollment.domain;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who a village cadre still has to visit in a policy year: everyone on the roster whose entitlement is not enrolled
 * (no payment yet, or less than the due), leaving out the persons excluded from that year (employee-insured,
 * enrolled elsewhere, deceased, …). Hardship persons come first: the subsidy makes their enrolment the campaign's
 * floor. What a person owes is the personal due left after the subsidy and what they paid; before subsidy-service has
 * announced an entitlement for them it is the year's standard contribution, which the list leaves blank.
 */
public final class Outreach {
    /** Entitlement states that count as enrolled (subsidy-service's: paid in full, zero payment, or more than due). */
    public static final Set<String> ENROLLED = Set.of("PAID", "ZERO_PAYMENT", "OVERPAID");

    private static final Comparator<Object> PINYIN = Collator.getInstance(Locale.CHINA);

    /** The visiting order: hardship first, then by township, village, household and name, in pinyin order. */
    public static final Comparator<Person> ORDER = Comparator.comparing((Person p) -> !p.hardship())
            .thenComparing(Person::township, Comparator.nullsFirst(PINYIN))
            .thenComparing(Person::village, Comparator.nullsFirst(PINYIN))
            .thenComparing(Person::householdId, PINYIN)
            .thenComparing(Person::name, PINYIN);

    private Outreach() {
    }

    /** A person to visit: {@code owes} is null while no entitlement is known (the standard contribution applies). */
    public record Person(String name, String maskedId, String householdId, String township, String village,
                         boolean hardship, List<String> categories, String state, BigDecimal owes) {
    }

    /** Whether a person in this entitlement state (null: none announced yet) still has to be visited. */
    public static boolean toVisit(String state) {
        return state == null || !ENROLLED.contains(state);
    }

    /** What is left to pay: the personal due less what was paid, never below zero; null while unknown. */
    public static BigDecimal owes(BigDecimal personalDue, BigDecimal paid) {
        if (personalDue == null) {
            return null;
        }
        BigDecimal left = personalDue.subtract(paid == null ? BigDecimal.ZERO : paid);
        return left.signum() < 0 ? BigDecimal.ZERO.setScale(2) : left;
    }
}

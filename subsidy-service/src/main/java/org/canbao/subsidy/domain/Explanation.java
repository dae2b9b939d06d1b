package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why an entitlement is what it is, in words a county clerk reads: the rule that decided it (one sentence), the
 * category spells the decision looked at and the payments on record for the year. Built from the facts the
 * decision was taken on, so it cannot tell another story; it never names the person.
 */
public record Explanation(String rule, List<CategoryLine> categories, List<PaymentLine> payments) {

    /** A stored category spell with the time the system learned of it (null when not known). */
    public record RecordedSpell(CategorySpell spell, Instant recordedAt) {
    }

    /**
     * One spell as the decision saw it. {@code counted}: it counts for the policy year; {@code chosen}: its subsidy
     * is the one that applies (one spell at most); {@code note}: why, in words.
     */
    public record CategoryLine(String category, String department, LocalDate validFrom, LocalDate validUntil,
                               Instant recordedAt, boolean counted, boolean chosen, String note) {
    }

    /** One payment of the year; a reversed receipt is listed with {@code counted} false and when it was reversed. */
    public record PaymentLine(String receiptId, int tier, BigDecimal amount, OffsetDateTime paidAt, boolean counted,
                              OffsetDateTime reversedAt) {
    }

    public Explanation {
        categories = List.copyOf(categories);
        payments = List.copyOf(payments);
    }

    /**
     * @param requestedTier the tier the caller asked about, or null (as given to {@link SubsidyDecision#decide})
     * @param decided       what {@link SubsidyDecision#decide} answered for these spells and the unreversed payments
     * @param payments      every payment of the policy year on record, reversed ones included
     * @param reversals     the reversed receipts, each with when it was reversed (the time may be null)
     */
    public static Explanation of(Policy policy, Integer requestedTier, Entitlement decided, List<RecordedSpell> spells,
                                 List<PaymentRecord> payments, Map<String, OffsetDateTime> reversals) {
        CategorySpell chosen = SubsidyDecision.grantingSpell(policy, decided.tier(),
                spells.stream().map(RecordedSpell::spell).toList())
                .filter(s -> s.category().equals(decided.grantingCategory())).orElse(null);
        List<RecordedSpell> byDate = spells.stream()
                .sorted(Comparator.comparing((RecordedSpell s) -> s.spell().validFrom())
                        .thenComparing(s -> s.spell().category()))
                .toList();
        List<CategoryLine> lines = new ArrayList<>();
        boolean chosenSeen = false;
        for (RecordedSpell recorded : byDate) {
            CategorySpell spell = recorded.spell();
            boolean isChosen = !chosenSeen && spell.equals(chosen);
            chosenSeen |= isChosen;
            boolean counts = spell.countsFor(policy)
                    || spell.countsLate(policy) && decided.categories().contains(spell.category());
            lines.add(new CategoryLine(spell.category(), spell.department(), spell.validFrom(), spell.validUntil(),
                    recorded.recordedAt(), counts, isChosen,
                    note(policy, decided, chosen, isChosen, counts, spell)));
        }

        List<PaymentRecord> byTime = payments.stream().sorted(Comparator.comparing(PaymentRecord::paidAt)).toList();
        List<PaymentRecord> counted = byTime.stream().filter(p -> !reversals.containsKey(p.receiptId())).toList();
        List<PaymentLine> paymentLines = byTime.stream()
                .map(p -> new PaymentLine(p.receiptId(), p.tier(), p.amount(), local(p.paidAt()),
                        !reversals.containsKey(p.receiptId()), local(reversals.get(p.receiptId()))))
                .toList();

        String rule = capitalised(subsidyClause(policy, decided, chosen, byDate))
                + "; " + dueClause(policy, requestedTier, decided, counted)
                + "; " + stateClause(decided, chosen, counted)
                + reversedClause(byTime, reversals) + ".";
        return new Explanation(rule, lines, paymentLines);
    }

    private static String subsidyClause(Policy policy, Entitlement decided, CategorySpell chosen,
                                        List<RecordedSpell> spells) {
        if (chosen != null) {
            String granted = chosen.category() + " (recognised by " + chosen.department() + " from "
                    + chosen.validFrom() + ") counts for policy year " + policy.year() + " and grants "
                    + policy.ruleFor(chosen.category(), decided.tier()).map(r -> r.describe(decided.contribution()))
                            .map(d -> d + " = ").orElse("")
                    + money(decided.subsidy()) + " at tier " + decided.tier();
            long countingCategories = spells.stream().map(RecordedSpell::spell).filter(s -> s.countsFor(policy))
                    .map(CategorySpell::category).distinct().count();
            return countingCategories > 1
                    ? granted + ", the highest single subsidy of the " + countingCategories
                      + " categories that count, never their sum"
                    : granted;
        }
        if (spells.isEmpty()) {
            return "no subsidy: no hardship category is on record for this person";
        }
        List<String> counting = spells.stream().map(RecordedSpell::spell).filter(s -> s.countsFor(policy))
                .map(CategorySpell::category).distinct().toList();
        if (counting.isEmpty()) {
            return "no subsidy: no category counts for policy year " + policy.year() + " ("
                    + spells.stream().map(r -> r.spell().category() + " " + whyNotCounted(policy, r.spell()))
                            .distinct().collect(Collectors.joining("; "))
                    + ")";
        }
        return "no subsidy: " + String.join(", ", counting) + (counting.size() == 1 ? " counts" : " count")
                + " for policy year " + policy.year() + ", but the policy gives "
                + (counting.size() == 1 ? "it" : "them") + " no subsidy at tier " + decided.tier();
    }

    private static String dueClause(Policy policy, Integer requestedTier, Entitlement decided, List<PaymentRecord> counted) {
        String contribution = "the tier " + decided.tier() + " contribution " + money(decided.contribution())
                + " (" + tierReason(policy, requestedTier, decided.tier(), counted) + ")";
        if (decided.personalDue().compareTo(decided.contribution().subtract(decided.subsidy())) != 0) {
            return "the personal due is the full financing standard: " + contribution + " plus the fiscal share "
                    + money(decided.personalDue().subtract(decided.contribution())) + " = " + money(decided.personalDue());
        }
        return "the personal due is " + contribution + " minus the subsidy "
                + money(decided.subsidy()) + " = " + money(decided.personalDue());
    }

    /** The same choice of tier as {@link SubsidyDecision#decide}: asked, else the latest payment's, else the lowest. */
    private static String tierReason(Policy policy, Integer requestedTier, int tier, List<PaymentRecord> counted) {
        if (requestedTier != null) {
            return "the tier asked for";
        }
        if (counted.isEmpty()) {
            return tier == policy.lowestTier() ? "the lowest tier, as no payment counts"
                    : "the lowest tier at which the person's categories earn a subsidy, as no payment counts";
        }
        int paidTier = counted.get(counted.size() - 1).tier();
        return paidTier == tier
                ? "the tier of the latest payment"
                : "the lowest tier: the latest payment names tier " + paidTier + ", which the policy does not have";
    }

    private static String stateClause(Entitlement decided, CategorySpell chosen, List<PaymentRecord> counted) {
        BigDecimal due = decided.personalDue();
        BigDecimal paid = decided.paid();
        return switch (decided.state()) {
            case UNPAID -> "nothing is paid: " + money(due) + " still owed, so not enrolled";
            case UNDERPAID -> "paid " + money(paid) + " of " + money(due) + ": " + money(due.subtract(paid))
                              + " still owed, so not enrolled until the due is paid in full";
            case PAID -> "paid in full: " + money(paid)
                         + (counted.size() > 1 ? " in " + counted.size() + " payments, the due reached" : "")
                         + " on " + day(decided.enrolledAt()) + ", so enrolled" + covered(decided);
            case ZERO_PAYMENT -> "the subsidy covers the whole contribution, so nothing is to pay"
                                 + (decided.enrolledAt() == null ? ""
                                    : ": enrolled as zero-payment from " + day(decided.enrolledAt())) + covered(decided);
            case OVERPAID -> decided.enrolledAt() == null
                    ? "paid " + money(paid) + " on a day the policy takes no enrolment for the year: "
                      + money(decided.refundDue()) + " is to be refunded"
                    : "paid " + money(paid) + ", " + money(paid.subtract(due)) + " more than the due"
                             + (decided.enrolledAt() == null ? "" : ", so enrolled on " + day(decided.enrolledAt()))
                             + covered(decided) + overpayment(decided, chosen, counted);
        };
    }

    private static String covered(Entitlement decided) {
        return decided.coveredFrom() == null ? "" : " and covered from " + decided.coveredFrom();
    }

    private static String overpayment(Entitlement decided, CategorySpell chosen, List<PaymentRecord> counted) {
        StringBuilder text = new StringBuilder();
        if (decided.retroactiveSubsidyDue().signum() > 0) {
            text.append("; ").append(money(decided.retroactiveSubsidyDue()))
                    .append(" is owed to the person as a retroactive subsidy");
            if (chosen != null && !counted.isEmpty()) {
                text.append(", since they paid on ").append(day(counted.get(0).paidAt())).append(", before ")
                        .append(chosen.category()).append(" was recognised on ").append(chosen.validFrom());
            }
        }
        if (decided.refundDue().signum() > 0) {
            text.append("; ").append(money(decided.refundDue()))
                    .append(" is to be refunded, as more was paid than the personal due");
        }
        return text.toString();
    }

    private static String reversedClause(List<PaymentRecord> byTime, Map<String, OffsetDateTime> reversals) {
        return byTime.stream().filter(p -> reversals.containsKey(p.receiptId()))
                .map(p -> "; receipt " + p.receiptId() + " of " + money(p.amount()) + " paid on " + day(p.paidAt())
                          + " was reversed"
                          + (reversals.get(p.receiptId()) == null ? "" : " on " + day(reversals.get(p.receiptId())))
                          + " and does not count")
                .collect(Collectors.joining());
    }

    private static String note(Policy policy, Entitlement decided, CategorySpell chosen, boolean isChosen,
                               boolean counting, CategorySpell spell) {
        if (!counting) {
            return whyNotCounted(policy, spell) + ": does not count for policy year " + policy.year();
        }
        String counts = "counts for policy year " + policy.year()
                + (spell.countsFor(policy) ? "" : " (recognised after the window, before the person paid: 随参随缴)");
        if (isChosen) {
            return counts + " and grants the subsidy of " + money(decided.subsidy()) + " at tier " + decided.tier();
        }
        Optional<SubsidyRule> rule = policy.ruleFor(spell.category(), decided.tier());
        if (rule.isEmpty()) {
            return counts + ", but the policy gives it no subsidy at tier " + decided.tier();
        }
        if (chosen == null) {
            return counts;
        }
        return counts + " and would give " + money(rule.get().amountFor(decided.contribution()))
                + ", but only one subsidy applies, never a sum: " + chosen.category() + " (" + chosen.department()
                + ", from " + chosen.validFrom() + ") gives " + money(decided.subsidy());
    }

    /** The reverse of {@link CategorySpell#countsFor}, in words. */
    private static String whyNotCounted(Policy policy, CategorySpell spell) {
        List<String> reasons = new ArrayList<>();
        if (!policy.knows(spell.category())) {
            reasons.add("not a category of policy year " + policy.year());
        }
        if (!spell.ofThePeriod(policy)) {
            reasons.add("recognised on " + spell.validFrom() + " for an earlier year and not recognised again since");
        }
        if (spell.validFrom().isAfter(policy.windowCloses())) {
            reasons.add("recognised from " + spell.validFrom() + ", after the window closed on "
                        + policy.windowCloses());
        }
        if (spell.validUntil() != null && !spell.validUntil().isAfter(policy.baseDate())) {
            reasons.add("ended on " + spell.validUntil() + ", by the base-list date " + policy.baseDate());
        }
        return String.join(" and ", reasons);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static LocalDate day(OffsetDateTime time) {
        return time.atZoneSameInstant(Policy.ZONE).toLocalDate();
    }

    /** Business times as the county reads them, in Asia/Shanghai. */
    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(Policy.ZONE).toOffsetDateTime();
    }
}

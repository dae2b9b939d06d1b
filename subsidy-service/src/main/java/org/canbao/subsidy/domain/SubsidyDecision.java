package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.canbao.subsidy.domain.Entitlement.State;

/**
 * Decides a person's entitlement for a policy year from the policy, their category spells and their
 * payments. Pure: the same facts give the same answer, whenever it is asked.
 */
public final class SubsidyDecision {
    private SubsidyDecision() {
    }

    private record Grant(CategorySpell spell, SubsidyRule rule, BigDecimal amount) {
    }

    /** @param requestedTier the tier asked about, or null for the tier of the latest payment (else 1) */
    public static Entitlement decide(Policy policy, Integer requestedTier, List<CategorySpell> spells,
                                     List<PaymentRecord> payments) {
        List<PaymentRecord> byTime = payments.stream().sorted(Comparator.comparing(PaymentRecord::paidAt)).toList();
        int paidTier = byTime.isEmpty() ? policy.lowestTier() : byTime.get(byTime.size() - 1).tier();
        boolean unknownPaidTier = requestedTier == null && !policy.contributions().containsKey(paidTier);
        int tier = requestedTier != null ? requestedTier : unknownPaidTier ? policy.lowestTier() : paidTier;
        BigDecimal contribution = policy.contribution(tier);
        List<CategorySpell> counted = spells.stream().filter(s -> s.countsFor(policy)).toList();

        Optional<Grant> grant = grant(policy, tier, contribution, counted);
        BigDecimal subsidy = grant.map(Grant::amount).orElse(BigDecimal.ZERO.setScale(2));
        BigDecimal due = contribution.subtract(subsidy);
        BigDecimal paid = byTime.stream().map(PaymentRecord::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);

        State state = state(due, paid);
        OffsetDateTime enrolledAt = enrolledAt(state, due, byTime, grant);
        BigDecimal excess = paid.subtract(due).max(BigDecimal.ZERO);
        BigDecimal retroactive = BigDecimal.ZERO.setScale(2);
        if (excess.signum() > 0 && grant.isPresent() && paidBeforeRecognition(byTime, grant.get().spell())) {
            retroactive = excess.min(subsidy);
        }
        BigDecimal refund = excess.subtract(retroactive);

        List<String> categories = counted.stream().map(CategorySpell::category).distinct().sorted().toList();
        String decision = explain(policy, tier, contribution, counted, grant, retroactive, refund)
                + (unknownPaidTier ? "; the payment names tier " + paidTier + ", which the policy does not have: decided at tier " + tier : "");
        return new Entitlement(tier, contribution, subsidy, due, paid, state,
                coveredFrom(policy, enrolledAt), categories, decision, refund, retroactive, enrolledAt,
                grant.map(g -> g.spell().category()).orElse(null));
    }

    /** The spell whose subsidy applies at this tier, if any: the same choice {@link #decide} makes. */
    static Optional<CategorySpell> grantingSpell(Policy policy, int tier, List<CategorySpell> spells) {
        List<CategorySpell> counted = spells.stream().filter(s -> s.countsFor(policy)).toList();
        return grant(policy, tier, policy.contribution(tier), counted).map(Grant::spell);
    }

    /** The highest single subsidy of the counted spells; on a tie, the earliest recognised. */
    private static Optional<Grant> grant(Policy policy, int tier, BigDecimal contribution, List<CategorySpell> counted) {
        return counted.stream()
                .flatMap(s -> policy.ruleFor(s.category(), tier)
                        .map(r -> new Grant(s, r, r.amountFor(contribution))).stream())
                .max(Comparator.comparing(Grant::amount).thenComparing(g -> g.spell().validFrom(), Comparator.reverseOrder()));
    }

    private static State state(BigDecimal due, BigDecimal paid) {
        int cmp = paid.compareTo(due);
        if (due.signum() == 0) {
            return paid.signum() == 0 ? State.ZERO_PAYMENT : State.OVERPAID;
        }
        if (paid.signum() == 0) {
            return State.UNPAID;
        }
        return cmp < 0 ? State.UNDERPAID : cmp == 0 ? State.PAID : State.OVERPAID;
    }

    /** Paid in full: when the running total reached the due. Zero-payment: when the granting category began. */
    private static OffsetDateTime enrolledAt(State state, BigDecimal due, List<PaymentRecord> byTime, Optional<Grant> grant) {
        if (state == State.UNPAID || state == State.UNDERPAID) {
            return null;
        }
        if (due.signum() == 0 && grant.isPresent()) {
            OffsetDateTime recognised = grant.get().spell().validFrom().atStartOfDay(Policy.ZONE).toOffsetDateTime();
            return byTime.isEmpty() || byTime.get(0).paidAt().isAfter(recognised) ? recognised : byTime.get(0).paidAt();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (PaymentRecord payment : byTime) {
            total = total.add(payment.amount());
            if (total.compareTo(due) >= 0) {
                return payment.paidAt();
            }
        }
        return null;
    }

    private static boolean paidBeforeRecognition(List<PaymentRecord> byTime, CategorySpell spell) {
        return !byTime.isEmpty() && byTime.get(0).paidAt().atZoneSameInstant(Policy.ZONE).toLocalDate()
                .isBefore(spell.validFrom());
    }

    /** Enrolled in the window: from the benefit start. Later: from the first of the next month. */
    private static LocalDate coveredFrom(Policy policy, OffsetDateTime enrolledAt) {
        if (enrolledAt == null) {
            return null;
        }
        LocalDate day = enrolledAt.atZoneSameInstant(Policy.ZONE).toLocalDate();
        if (!day.isAfter(policy.windowCloses())) {
            return policy.benefitStart();
        }
        return day.withDayOfMonth(1).plusMonths(1);
    }

    private static String explain(Policy policy, int tier, BigDecimal contribution, List<CategorySpell> counted,
                                  Optional<Grant> grant, BigDecimal retroactive, BigDecimal refund) {
        StringBuilder text = new StringBuilder();
        if (grant.isEmpty()) {
            text.append(counted.isEmpty()
                    ? "no hardship category recognised by " + policy.windowCloses() + ": the whole tier " + tier
                      + " contribution of " + contribution + " is due"
                    : "categories " + counted.stream().map(CategorySpell::category).distinct().toList()
                      + " earn no subsidy at tier " + tier + ": the whole " + contribution + " is due");
        } else {
            Grant g = grant.get();
            text.append(g.spell().category()).append(" (").append(g.spell().department()).append(", from ")
                    .append(g.spell().validFrom()).append(") earns ").append(g.rule().describe(contribution))
                    .append(" = ").append(g.amount()).append(" at tier ").append(tier);
            long others = counted.stream().map(CategorySpell::category).distinct().count() - 1;
            if (others > 0) {
                text.append("; the highest single subsidy of ").append(others + 1)
                        .append(" categories applies, never their sum");
            }
        }
        if (retroactive.signum() > 0) {
            text.append("; paid before the category was recognised in the window: ").append(retroactive)
                    .append(" retroactive subsidy is owed to the person");
        }
        if (refund.signum() > 0) {
            text.append("; paid more than the personal due: ").append(refund).append(" to refund");
        }
        return text.toString();
    }
}

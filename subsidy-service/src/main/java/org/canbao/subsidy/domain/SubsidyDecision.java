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

    /** Nothing known of the person besides categories (an intake among them) and payments: no birth date. */
    public static Entitlement decide(Policy policy, Integer requestedTier, List<CategorySpell> spells,
                                     List<PaymentRecord> payments) {
        return decide(policy, requestedTier, spells, payments, Enrollee.of(null, spells, policy));
    }

    /**
     * @param requestedTier the tier asked about, or null for the tier of the latest payment (else the lowest tier at
     *                      which the person's categories earn a subsidy, see {@link Policy#tierFor})
     * @param who           what else is known of the person, for the benefit-start rules
     */
    public static Entitlement decide(Policy policy, Integer requestedTier, List<CategorySpell> spells,
                                     List<PaymentRecord> payments, Enrollee who) {
        List<PaymentRecord> byTime = payments.stream().sorted(Comparator.comparing(PaymentRecord::paidAt)).toList();
        LocalDate firstPaid = byTime.isEmpty() ? null : day(byTime.get(0).paidAt());
        List<CategorySpell> counted = counted(policy, spells, firstPaid);
        List<String> categories = counted.stream().map(CategorySpell::category).distinct().sorted().toList();
        int paidTier = byTime.isEmpty() ? policy.tierFor(categories) : byTime.get(byTime.size() - 1).tier();
        boolean unknownPaidTier = requestedTier == null && !policy.contributions().containsKey(paidTier);
        int tier = requestedTier != null ? requestedTier : unknownPaidTier ? policy.lowestTier() : paidTier;
        BigDecimal contribution = policy.contribution(tier);

        Optional<BenefitRule> late = firstPaid != null && firstPaid.isAfter(policy.windowCloses())
                ? policy.benefitRuleFor(firstPaid, who, !counted.isEmpty()) : Optional.empty();
        boolean fullFinancing = late.filter(r -> r.due() == BenefitRule.Due.FULL_FINANCING).isPresent();
        boolean refused = late.filter(r -> r.start() == BenefitRule.Start.NO_ENROLLMENT).isPresent();
        Optional<Grant> grant = fullFinancing ? Optional.empty() : grant(policy, tier, contribution, counted, who);
        boolean refundForbidden = grant.isPresent() && paidBeforeRecognition(byTime, grant.get().spell())
                && !policy.refundAfterPayment().allowed()
                && !(who.crossRegion() && policy.refundAfterPayment().crossRegion());
        if (refundForbidden) {
            grant = Optional.empty();
        }
        BigDecimal subsidy = grant.map(Grant::amount).orElse(BigDecimal.ZERO.setScale(2));
        BigDecimal due = fullFinancing ? contribution.add(policy.fiscalShare()) : contribution.subtract(subsidy);
        BigDecimal paid = byTime.stream().map(PaymentRecord::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);

        State state = state(due, paid);
        OffsetDateTime enrolledAt = enrolledAt(state, due, byTime, grant);
        BigDecimal excess = paid.subtract(due).max(BigDecimal.ZERO);
        BigDecimal retroactive = BigDecimal.ZERO.setScale(2);
        if (excess.signum() > 0 && grant.isPresent() && paidBeforeRecognition(byTime, grant.get().spell())) {
            retroactive = excess.min(subsidy);
        }
        BigDecimal refund = excess.subtract(retroactive);
        if (refused) {
            enrolledAt = null;
            state = paid.signum() > 0 ? State.OVERPAID : State.UNPAID;
            retroactive = BigDecimal.ZERO.setScale(2);
            refund = paid;
        }

        String decision = explain(policy, tier, contribution, counted, grant, retroactive, refund, who)
                + late.map(r -> "; paid on " + firstPaid + ", after the window: " + r.describe()
                        + (fullFinancing ? " (" + contribution + " + fiscal share " + policy.fiscalShare() + " = " + due + ")" : ""))
                        .orElse("")
                + (refundForbidden ? "; paid in full before the category was recognised, and this policy does not refund "
                        + "a subsidy after payment (先缴后补): no subsidy this year" : "")
                + (unknownPaidTier ? "; the payment names tier " + paidTier + ", which the policy does not have: decided at tier " + tier : "");
        return new Entitlement(tier, contribution, subsidy, due, paid, state,
                coveredFrom(policy, enrolledAt, late, who), categories, decision, refund, retroactive, enrolledAt,
                grant.map(g -> g.spell().category()).orElse(null));
    }

    /**
     * The spells that count: those of the window, and those recognised after it where the policy lets them earn the
     * subsidy of a person who had not paid yet (随参随缴); one who paid before gets it from next year.
     */
    static List<CategorySpell> counted(Policy policy, List<CategorySpell> spells, LocalDate firstPaid) {
        return spells.stream().filter(s -> s.countsFor(policy)
                || s.countsLate(policy) && (firstPaid == null || !firstPaid.isBefore(s.validFrom()))).toList();
    }

    private static LocalDate day(OffsetDateTime time) {
        return time.atZoneSameInstant(Policy.ZONE).toLocalDate();
    }

    /** The spell whose subsidy applies at this tier, if any: the same choice {@link #decide} makes. */
    static Optional<CategorySpell> grantingSpell(Policy policy, int tier, List<CategorySpell> spells) {
        List<CategorySpell> counted = counted(policy, spells, null);
        return grant(policy, tier, policy.contribution(tier), counted, Enrollee.UNKNOWN).map(Grant::spell);
    }

    /**
     * The highest single subsidy of the counted spells; on a tie, the earliest recognised. A spell another region
     * recognised is priced by that region's rule where the policy says so ({@link Enrollee#standardFor}), at the
     * person's tier, else at that region's lowest tier.
     */
    private static Optional<Grant> grant(Policy policy, int tier, BigDecimal contribution, List<CategorySpell> counted,
                                         Enrollee who) {
        return counted.stream()
                .flatMap(s -> {
                    Policy standard = who.standardFor(policy, s);
                    Optional<SubsidyRule> rule = standard.ruleFor(s.category(), tier);
                    if (rule.isEmpty() && standard != policy) {
                        rule = standard.ruleFor(s.category(), standard.lowestTier());
                    }
                    return rule.map(r -> new Grant(s, r, r.amountFor(contribution))).stream();
                })
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

    /**
     * Enrolled in the window: from the benefit start. Later: as the after-window rule that took the payment says,
     * else from the first of the next month.
     */
    private static LocalDate coveredFrom(Policy policy, OffsetDateTime enrolledAt, Optional<BenefitRule> late, Enrollee who) {
        if (enrolledAt == null) {
            return null;
        }
        LocalDate day = day(enrolledAt);
        if (!day.isAfter(policy.windowCloses())) {
            return policy.benefitStart();
        }
        LocalDate from = late.map(r -> r.coveredFrom(day, who)).orElse(day.withDayOfMonth(1).plusMonths(1));
        // born or taken in before the year's cover begins: covered from its first day, not before (that is last year's)
        return from != null && from.isBefore(policy.benefitStart()) ? policy.benefitStart() : from;
    }

    private static String explain(Policy policy, int tier, BigDecimal contribution, List<CategorySpell> counted,
                                  Optional<Grant> grant, BigDecimal retroactive, BigDecimal refund, Enrollee who) {
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
            if (who.standardFor(policy, g.spell()) != policy) {
                text.append(", the standard of region ").append(g.spell().region())
                        .append(", which recognised it (enrolled across pooling regions)");
            }
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

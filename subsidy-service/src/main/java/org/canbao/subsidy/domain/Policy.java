package org.canbao.subsidy.domain;

import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.i18n.Message;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A policy year's rules (POLICY.md): contribution per tier, subsidy per category, the enrollment window,
 * the base-list date and when benefits start; after the window, the benefit-start rules and the fiscal share of the
 * full financing standard, whether a category recognised late still counts, whether a subsidy may be refunded after
 * payment; the year's category vocabulary and how long a status is valid. Everything that differs between regions
 * lives here, not in code. A rule that contradicts another is refused, naming its JSON path.
 */
public record Policy(int year, Map<Integer, BigDecimal> contributions, List<SubsidyRule> subsidies,
                     LocalDate windowOpens, LocalDate windowCloses, LocalDate baseListDate, LocalDate benefitStart,
                     List<BenefitRule> benefitRules, BigDecimal fiscalShare, AfterWindow afterWindow,
                     RefundAfterPayment refundAfterPayment, List<Category> categories, StatusValidity statusValidity,
                     CrossRegionStandard crossRegionStandard) {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * A category recognised after the window: {@code NEXT_YEAR} (Pingjiang) earns nothing this year;
     * {@code PAY_DIFFERENCE} (Shandong 随参随缴) earns the subsidy for a person not yet enrolled, who pays the difference.
     */
    public enum AfterWindow { NEXT_YEAR, PAY_DIFFERENCE }

    /**
     * {@code RECOGNISED_PERIOD}: a status counts in the policy year it was recognised for (recognised within the year
     * up to the window's close) and must be recognised again to count later; {@code UNTIL_ENDED}: until it ends.
     */
    public enum StatusValidity { RECOGNISED_PERIOD, UNTIL_ENDED }

    /**
     * Whether one who paid in full and was recognised later in the window gets the subsidy back (先缴后补); Shandong
     * forbids it except for enrolment across pooling regions ({@code crossRegion}).
     */
    public record RefundAfterPayment(boolean allowed, boolean crossRegion) {
        public static final RefundAfterPayment ALLOWED = new RefundAfterPayment(true, true);
    }

    /**
     * Whose subsidy standard a person enrolled in this region but recognised by another region's department gets:
     * {@code RESIDENCE} (default) this region's; {@code RECOGNISING_REGION} (Shandong: 困难身份认定地按当地标准) the
     * recognising region's rule for the category, where that region has a policy for the year.
     */
    public enum CrossRegionStandard { RESIDENCE, RECOGNISING_REGION }

    /** One category of the year's vocabulary (Wuming 2018: REGISTERED_POOR 建档立卡贫困人员). */
    public record Category(String code, String name) {
    }

    /** A policy of the first shape: no after-window rules, categories from anywhere, statuses of their period. */
    public Policy(int year, Map<Integer, BigDecimal> contributions, List<SubsidyRule> subsidies,
                  LocalDate windowOpens, LocalDate windowCloses, LocalDate baseListDate, LocalDate benefitStart) {
        this(year, contributions, subsidies, windowOpens, windowCloses, baseListDate, benefitStart,
                List.of(), null, null, null, List.of(), null, null);
    }

    public Policy {
        if (contributions.isEmpty()) {
            throw new InvalidInput("policy.no-tier");
        }
        if (windowCloses.isBefore(windowOpens)) {
            throw new InvalidInput("policy.window-order");
        }
        contributions.keySet().stream().filter(t -> t < 1).findFirst().ifPresent(t -> {
            throw new InvalidInput("policy.tier-below-one", t);
        });
        java.util.Set<String> seen = new java.util.HashSet<>();
        BigDecimal lowest = contributions.values().stream().min(BigDecimal::compareTo).orElseThrow();
        for (SubsidyRule rule : subsidies) {
            Message at = rule.tier() == null ? Message.of("policy.every-tier") : Message.of("policy.tier", rule.tier());
            if (!seen.add(rule.category() + "@" + rule.tier())) {
                throw new InvalidInput("policy.subsidy-twice", rule.category(), at);
            }
            if (rule.tier() != null && !contributions.containsKey(rule.tier())) {
                throw new InvalidInput("policy.subsidy-tier-unknown", rule.category(), rule.tier());
            }
            BigDecimal ceiling = rule.tier() == null ? lowest : contributions.get(rule.tier());
            if (rule.kind() == SubsidyRule.Kind.FIXED && rule.amount().compareTo(ceiling) > 0) {
                throw new InvalidInput("policy.subsidy-above-contribution", rule.amount(), rule.category(), at, ceiling);
            }
        }
        benefitRules = benefitRules == null ? List.of() : List.copyOf(benefitRules);
        categories = categories == null ? List.of() : List.copyOf(categories);
        afterWindow = afterWindow == null ? AfterWindow.NEXT_YEAR : afterWindow;
        refundAfterPayment = refundAfterPayment == null ? RefundAfterPayment.ALLOWED : refundAfterPayment;
        statusValidity = statusValidity == null ? StatusValidity.RECOGNISED_PERIOD : statusValidity;
        crossRegionStandard = crossRegionStandard == null ? CrossRegionStandard.RESIDENCE : crossRegionStandard;
        checkCategories(categories, subsidies);
        PolicyRules.check(benefitRules, windowCloses, fiscalShare);
        contributions = Map.copyOf(contributions);
        subsidies = List.copyOf(subsidies);
    }

    private static void checkCategories(List<Category> categories, List<SubsidyRule> subsidies) {
        if (categories.isEmpty()) {
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            String code = categories.get(i).code();
            if (code == null || code.isBlank()) {
                throw new InvalidInput("policy.category-code-missing", "categories[" + i + "].code");
            }
            if (!codes.add(code)) {
                throw new InvalidInput("policy.category-twice", "categories[" + i + "].code", code);
            }
        }
        for (SubsidyRule rule : subsidies) {
            if (!codes.contains(rule.category())) {
                throw new InvalidInput("policy.category-unknown", "subsidies", rule.category(),
                        String.join(", ", codes.stream().sorted().toList()));
            }
        }
    }

    /** Whether the category is one this year knows: any, without a vocabulary. */
    public boolean knows(String category) {
        return categories.isEmpty() || categories.stream().anyMatch(c -> c.code().equals(category));
    }

    /**
     * The tier to decide at when nobody asked and nothing was paid: the lowest, unless every category the person has
     * earns a subsidy only at higher tiers (Aikou: 在乡老复员军人 exists only at tier 2), then the lowest of those.
     */
    public int tierFor(List<String> personCategories) {
        int lowest = lowestTier();
        if (personCategories.isEmpty() || personCategories.stream().anyMatch(c -> ruleFor(c, lowest).isPresent())) {
            return lowest;
        }
        return personCategories.stream().flatMap(c -> subsidies.stream().filter(r -> r.category().equals(c) && r.tier() != null))
                .map(SubsidyRule::tier).min(Integer::compare).orElse(lowest);
    }

    /** The first after-window rule that takes this payment day of this person, if any. */
    public Optional<BenefitRule> benefitRuleFor(LocalDate paid, Enrollee who, boolean hardship) {
        return benefitRules.stream().filter(r -> r.appliesTo(paid, who, hardship)).findFirst();
    }

    public BigDecimal contribution(int tier) {
        BigDecimal contribution = contributions.get(tier);
        if (contribution == null) {
            throw new InvalidInput("policy.tier-unknown", year, tier);
        }
        return contribution;
    }

    public int lowestTier() {
        return contributions.keySet().stream().min(Integer::compare).orElseThrow();
    }

    public Optional<SubsidyRule> ruleFor(String category, int tier) {
        return subsidies.stream().filter(r -> r.appliesTo(category, tier) && r.tier() != null).findFirst()
                .or(() -> subsidies.stream().filter(r -> r.appliesTo(category, tier)).findFirst());
    }

    /** Lists as of this date are the base; a category ended before it earns nothing this year. */
    public LocalDate baseDate() {
        return baseListDate != null ? baseListDate : windowOpens.minusDays(1);
    }
}

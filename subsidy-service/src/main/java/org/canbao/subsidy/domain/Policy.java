package org.canbao.subsidy.domain;

import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.i18n.Message;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy year's rules (POLICY.md): contribution per tier, subsidy per category, the enrollment window,
 * the base-list date and when benefits start. Everything that differs between regions lives here, not in code.
 */
public record Policy(int year, Map<Integer, BigDecimal> contributions, List<SubsidyRule> subsidies,
                     LocalDate windowOpens, LocalDate windowCloses, LocalDate baseListDate, LocalDate benefitStart) {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
        contributions = Map.copyOf(contributions);
        subsidies = List.copyOf(subsidies);
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

package org.canbao.subsidy.domain;

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
            throw new IllegalArgumentException("a policy needs at least one tier with its contribution");
        }
        if (windowCloses.isBefore(windowOpens)) {
            throw new IllegalArgumentException("the window closes before it opens");
        }
        contributions = Map.copyOf(contributions);
        subsidies = List.copyOf(subsidies);
    }

    public BigDecimal contribution(int tier) {
        BigDecimal contribution = contributions.get(tier);
        if (contribution == null) {
            throw new IllegalArgumentException("policy " + year + " has no tier " + tier);
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

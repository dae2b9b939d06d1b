package org.canbao.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the region's policy grants each category at tier 1, the tier every simulated resident pays, read from its
 * {@code policy.json} the way API.md's policy document describes it (a rule naming the tier beats one without).
 */
public final class SubsidyTable {
    public record Grant(BigDecimal amount, String fundingSource) {
    }

    private final BigDecimal contribution;
    private final Map<String, Grant> grants = new HashMap<>();
    private final LocalDate opens;
    private final LocalDate closes;
    private final LocalDate baseListDate;

    public SubsidyTable(JsonNode policy, int year) {
        JsonNode tiers = policy.path("tiers");
        BigDecimal tier1 = null;
        for (JsonNode tier : tiers) {
            if (tier.path("tier").asInt(1) == 1) {
                tier1 = new BigDecimal(tier.path("contribution").asText());
            }
        }
        this.contribution = (tier1 != null ? tier1 : new BigDecimal(policy.path("contribution").asText())).setScale(2);
        Map<String, Boolean> tierSpecific = new HashMap<>();
        for (JsonNode rule : policy.path("subsidies")) {
            boolean specific = rule.has("tier");
            if (specific && rule.path("tier").asInt() != 1 || tierSpecific.getOrDefault(rule.path("category").asText(), false)) {
                continue;
            }
            BigDecimal amount = switch (rule.path("rule").asText()) {
                case "FULL" -> contribution;
                case "HALF" -> contribution.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                default -> new BigDecimal(rule.path("amount").asText()).min(contribution).setScale(2, RoundingMode.HALF_UP);
            };
            grants.put(rule.path("category").asText(), new Grant(amount, rule.path("fundingSource").asText("FINANCE")));
            tierSpecific.put(rule.path("category").asText(), specific);
        }
        JsonNode window = policy.path("window");
        this.opens = window.hasNonNull("opens") ? LocalDate.parse(window.path("opens").asText()) : LocalDate.of(year - 1, 9, 1);
        this.closes = window.hasNonNull("closes") ? LocalDate.parse(window.path("closes").asText()) : LocalDate.of(year - 1, 12, 31);
        this.baseListDate = policy.hasNonNull("baseListDate") ? LocalDate.parse(policy.path("baseListDate").asText()) : opens.minusDays(1);
    }

    public BigDecimal contribution() {
        return contribution;
    }

    public Optional<Grant> grant(String category) {
        return Optional.ofNullable(grants.get(category));
    }

    public LocalDate opens() {
        return opens;
    }

    public LocalDate closes() {
        return closes;
    }

    public LocalDate baseListDate() {
        return baseListDate;
    }
}

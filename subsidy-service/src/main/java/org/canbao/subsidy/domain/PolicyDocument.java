package org.canbao.subsidy.domain;

import org.canbao.platform.batch.InvalidInput;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canbao.platform.batch.BatchBody;

/**
 * The body of {@code PUT /api/v1/policies/{year}}. {@code contribution} alone is shorthand for a single tier 1.
 * <pre>{"tiers":[{"tier":1,"contribution":"350.00"}],
 *  "subsidies":[{"category":"MINIMUM_LIVING","rule":"HALF"},{"category":"STABLE_EX_POOR","tier":1,"rule":"FIXED","amount":"50.00"}],
 *  "window":{"opens":"2022-09-01","closes":"2022-12-31"},"baseListDate":"2022-08-31","benefitStart":"2023-01-01"}</pre>
 * Optional rules of later notices: {@code benefitRules} (after the window), {@code fiscalShare} (the fiscal part of the
 * full financing standard), {@code afterWindow}, {@code refundAfterPayment}, {@code categories} (the year's vocabulary)
 * {@code statusValidity} and {@code crossRegionStandard}; see {@link Policy}.
 */
public record PolicyDocument(String region, String contribution, List<Tier> tiers, List<Subsidy> subsidies,
                             JsonNode subsidyTable, Window window, LocalDate baseListDate, LocalDate benefitStart,
                             List<BenefitRule> benefitRules, String fiscalShare, Policy.AfterWindow afterWindow,
                             Policy.RefundAfterPayment refundAfterPayment, List<Policy.Category> categories,
                             Policy.StatusValidity statusValidity, Policy.CrossRegionStandard crossRegionStandard) {
    private static final Pattern TIER_SUBSIDY = Pattern.compile("tier(\\d+)_subsidy");

    /** A document of the first shape, without the later rules. */
    public PolicyDocument(String region, String contribution, List<Tier> tiers, List<Subsidy> subsidies,
                          JsonNode subsidyTable, Window window, LocalDate baseListDate, LocalDate benefitStart) {
        this(region, contribution, tiers, subsidies, subsidyTable, window, baseListDate, benefitStart,
                null, null, null, null, null, null, null);
    }

    public record Tier(int tier, String contribution) {
    }

    /** {@code fundingSource} (default FINANCE) says which fund pays it, for the ledger. */
    public record Subsidy(String category, Integer tier, String rule, String amount, String fundingSource) {
    }

    /** Which fund pays each category's subsidy; the first rule naming the category decides. */
    public String fundingSource(String category) {
        return (subsidies == null ? List.<Subsidy>of() : subsidies).stream()
                .filter(s -> category.equalsIgnoreCase(s.category()) && s.fundingSource() != null)
                .map(Subsidy::fundingSource).findFirst().orElse("FINANCE");
    }

    public record Window(@JsonAlias({"from", "start"}) LocalDate opens, @JsonAlias({"to", "end", "until"}) LocalDate closes) {
    }

    /** The domain policy; a document that cannot be one fails with a reason naming the field. */
    public Policy toPolicy(int year) {
        Map<Integer, BigDecimal> contributions = new LinkedHashMap<>();
        if (tiers != null) {
            tiers.forEach(t -> {
                if (contributions.put(t.tier(), money("tiers[" + t.tier() + "].contribution", t.contribution())) != null) {
                    throw new InvalidInput("policy.tier-twice", t.tier());
                }
            });
        } else if (contribution != null) {
            contributions.put(1, money("contribution", contribution));
        }
        List<SubsidyRule> rules = new ArrayList<>();
        if (subsidies != null) {
            subsidies.stream().map(PolicyDocument::rule).forEach(rules::add);
        }
        rules.addAll(table(subsidyTable));
        LocalDate opens = window != null && window.opens() != null ? window.opens() : LocalDate.of(year - 1, 9, 1);
        LocalDate closes = window != null && window.closes() != null ? window.closes() : LocalDate.of(year - 1, 12, 31);
        return new Policy(year, contributions, rules, opens, closes, baseListDate,
                benefitStart != null ? benefitStart : LocalDate.of(year, 1, 1), benefitRules,
                fiscalShare == null ? null : money("fiscalShare", fiscalShare), afterWindow, refundAfterPayment,
                categories, statusValidity, crossRegionStandard);
    }

    /**
     * A per-category table in the shape of Aikou's ({@code category, tier1_subsidy, tier1_self, tier2_subsidy, ...}),
     * as CSV text or a list of row objects: each filled {@code tierN_subsidy} is a fixed subsidy at tier N.
     */
    private static List<SubsidyRule> table(JsonNode table) {
        if (table == null || table.isNull()) {
            return List.of();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (table.isTextual()) {
            BatchBody.parse(table.asText(), BatchBody.CSV).lines().forEach(l -> rows.add(l.fields()));
        } else {
            table.forEach(row -> {
                Map<String, String> fields = new LinkedHashMap<>();
                row.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
                rows.add(fields);
            });
        }
        List<SubsidyRule> rules = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String category = row.get("category");
            if (category == null || category.isBlank()) {
                throw new InvalidInput("policy.table-row-category");
            }
            row.forEach((column, value) -> {
                Matcher tier = TIER_SUBSIDY.matcher(column);
                if (tier.matches() && value != null && !value.isBlank()) {
                    rules.add(new SubsidyRule(category.trim().toUpperCase(Locale.ROOT), Integer.parseInt(tier.group(1)),
                            SubsidyRule.Kind.FIXED, money(category + "." + column, value)));
                }
            });
        }
        return rules;
    }

    private static SubsidyRule rule(Subsidy s) {
        if (s.category() == null || s.rule() == null) {
            throw new InvalidInput("policy.subsidy-incomplete");
        }
        SubsidyRule.Kind kind;
        try {
            kind = SubsidyRule.Kind.valueOf(s.rule().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("policy.subsidy-rule-unknown", s.rule(), s.category());
        }
        BigDecimal amount = kind == SubsidyRule.Kind.FIXED ? money(s.category() + ".amount", s.amount()) : null;
        return new SubsidyRule(s.category().toUpperCase(Locale.ROOT), s.tier(), kind, amount);
    }

    private static BigDecimal money(String field, String value) {
        if (value == null || !value.trim().matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw new InvalidInput("policy.not-amount", field, value);
        }
        return new BigDecimal(value.trim()).setScale(2);
    }
}

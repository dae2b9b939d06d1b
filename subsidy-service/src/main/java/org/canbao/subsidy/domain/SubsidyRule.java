package org.canbao.subsidy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What one category earns at one tier (or every tier): the whole contribution, half of it, or a fixed sum. */
public record SubsidyRule(String category, Integer tier, Kind kind, BigDecimal amount) {
    public enum Kind { FULL, HALF, FIXED }

    public boolean appliesTo(String category, int tier) {
        return this.category.equals(category) && (this.tier == null || this.tier == tier);
    }

    public BigDecimal amountFor(BigDecimal contribution) {
        BigDecimal value = switch (kind) {
            case FULL -> contribution;
            case HALF -> contribution.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            case FIXED -> amount.min(contribution);
        };
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    public String describe(BigDecimal contribution) {
        return switch (kind) {
            case FULL -> "the whole " + contribution + " contribution";
            case HALF -> "half of the " + contribution + " contribution";
            case FIXED -> "a fixed " + amount.setScale(2, RoundingMode.HALF_UP);
        };
    }
}

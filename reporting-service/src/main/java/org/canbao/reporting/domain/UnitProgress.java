package org.canbao.reporting.domain;

import java.math.BigDecimal;

/** A unit's figures at one instant; {@code ratio} is enrolled / target, null without a target. */
public record UnitProgress(String name, String kind, Long target, long enrolled, BigDecimal ratio, Integer rank,
                           Hardship hardship) {

    public record Hardship(long total, long enrolled, BigDecimal ratio) {
    }
}

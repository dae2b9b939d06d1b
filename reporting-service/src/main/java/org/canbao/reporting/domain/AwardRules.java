package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Pingjiang's "advanced unit" award: completion at least {@code minRatio} and a rank within {@code topN}
 * as of {@code cutoff}; an unranked unit (the horticulture centre) qualifies on the ratio alone.
 */
public record AwardRules(String cutoff, BigDecimal minRatio, Integer topN) {

    public record Award(String name, String kind, BigDecimal ratio, Integer rank, String title) {
    }

    public List<Award> awards(List<UnitProgress> units) {
        return units.stream()
                .filter(u -> u.ratio() != null && u.ratio().compareTo(minRatio) >= 0)
                .filter(u -> u.rank() == null || topN == null || u.rank() <= topN)
                .map(u -> new Award(u.name(), u.kind(), u.ratio(), u.rank(), "advanced unit"))
                .toList();
    }
}

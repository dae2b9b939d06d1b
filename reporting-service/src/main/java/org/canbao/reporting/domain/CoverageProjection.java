package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns unit targets and counts into progress figures with completion ratios and a competition ranking. */
public final class CoverageProjection {
    private CoverageProjection() {
    }

    public static BigDecimal ratio(long part, Long whole) {
        if (whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Ranked units by ratio, highest first; equal ratios share a rank (1, 2, 2, 4). Input order is kept. */
    public static List<UnitProgress> progress(List<UnitTarget> units, Map<String, UnitCounts> counts) {
        List<UnitProgress> unranked = units.stream().map(u -> {
            UnitCounts c = counts.getOrDefault(u.name(), UnitCounts.NONE);
            return new UnitProgress(u.name(), u.kind(), u.target(), c.enrolled(), ratio(c.enrolled(), u.target()), null,
                    new UnitProgress.Hardship(c.hardshipTotal(), c.hardshipEnrolled(), ratio(c.hardshipEnrolled(), c.hardshipTotal())));
        }).toList();
        List<BigDecimal> ranking = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).ranked() && unranked.get(i).ratio() != null) {
                ranking.add(unranked.get(i).ratio());
            }
        }
        ranking.sort(Comparator.reverseOrder());
        List<UnitProgress> result = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            UnitProgress p = unranked.get(i);
            Integer rank = units.get(i).ranked() && p.ratio() != null ? rankOf(ranking, p.ratio()) : null;
            result.add(new UnitProgress(p.name(), p.kind(), p.target(), p.enrolled(), p.ratio(), rank, p.hardship()));
        }
        return result;
    }

    private static int rankOf(List<BigDecimal> descending, BigDecimal ratio) {
        for (int i = 0; i < descending.size(); i++) {
            if (descending.get(i).compareTo(ratio) == 0) {
                return i + 1;
            }
        }
        throw new IllegalStateException("ratio not ranked");
    }

    /** The figures of several units added up, for a total row. */
    public static UnitProgress total(List<UnitProgress> units) {
        long target = units.stream().map(UnitProgress::target).filter(t -> t != null).mapToLong(Long::longValue).sum();
        long enrolled = units.stream().mapToLong(UnitProgress::enrolled).sum();
        long hardship = units.stream().mapToLong(u -> u.hardship().total()).sum();
        long hardshipEnrolled = units.stream().mapToLong(u -> u.hardship().enrolled()).sum();
        return new UnitProgress("total", "total", target, enrolled, ratio(enrolled, target), null,
                new UnitProgress.Hardship(hardship, hardshipEnrolled, ratio(hardshipEnrolled, hardship)));
    }
}

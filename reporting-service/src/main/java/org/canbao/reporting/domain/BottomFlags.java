package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The units a bulletin calls out: the bottom N of the ranking (Aikou: "后3名村（居）由镇纪委进行约谈"), and those whose
 * hardship groups are below the floor (100 %; Shandong's 99 % for medical-assistance recipients).
 */
public final class BottomFlags {
    private BottomFlags() {
    }

    /**
     * The last {@code n} ranked units, worst last; units tied with the n-th from the bottom are flagged with it. None
     * when no more than n units are ranked: then everyone would be "the bottom".
     */
    public static List<String> bottom(List<UnitProgress> units, int n) {
        List<UnitProgress> ranked = units.stream().filter(u -> u.rank() != null)
                .sorted(Comparator.comparing(UnitProgress::rank)).toList();
        if (n <= 0 || ranked.size() <= n) {
            return List.of();
        }
        int threshold = ranked.get(ranked.size() - n).rank();
        return ranked.stream().filter(u -> u.rank() >= threshold).map(UnitProgress::name).toList();
    }

    /**
     * For each bulletin in cut-off order, the units among its bottom N and the bottom N of the {@code inARow} − 1
     * bulletins before it (Aikou: 连续排名靠后…约谈): none until there have been that many.
     */
    public static List<List<String>> inARow(List<List<String>> bottoms, int inARow) {
        List<List<String>> called = new ArrayList<>();
        for (int i = 0; i < bottoms.size(); i++) {
            if (i + 1 < inARow) {
                called.add(List.of());
                continue;
            }
            List<String> all = new ArrayList<>(bottoms.get(i));
            for (int j = i - inARow + 1; j < i; j++) {
                all.retainAll(bottoms.get(j));
            }
            called.add(List.copyOf(all));
        }
        return called;
    }

    /** Units with hardship persons whose enrolled share is below the floor. */
    public static List<String> belowHardshipFloor(List<UnitProgress> units, BigDecimal floor) {
        return units.stream().filter(u -> u.hardship() != null && u.hardship().total() > 0 && BigDecimal.valueOf(u.hardship().enrolled())
                        .compareTo(floor.multiply(BigDecimal.valueOf(u.hardship().total()))) < 0)
                .map(UnitProgress::name).toList();
    }
}

package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A checkpoint's bulletin (Pingjiang: 70 % by 10 Nov, 90 % by 10 Dec, 100 % by 31 Dec): the ranking as of
 * the cut-off, the top three who present their experience, the last place, and every ranked unit below the ratio.
 */
public record CheckpointBulletin(OffsetDateTime cutoff, BigDecimal requiredRatio, List<UnitProgress> ranking,
                                 List<String> topThree, String lastPlace, boolean lastPlaceBelow, List<String> below) {

    public static CheckpointBulletin of(OffsetDateTime cutoff, BigDecimal requiredRatio, List<UnitProgress> units) {
        List<UnitProgress> ranked = units.stream().filter(u -> u.rank() != null)
                .sorted(Comparator.comparing(UnitProgress::rank)).toList();
        List<String> top = ranked.stream().limit(3).map(UnitProgress::name).toList();
        UnitProgress last = ranked.isEmpty() ? null : ranked.get(ranked.size() - 1);
        List<String> below = ranked.stream()
                .filter(u -> u.ratio().compareTo(requiredRatio) < 0)
                .map(UnitProgress::name).toList();
        return new CheckpointBulletin(cutoff, requiredRatio, ranked, top, last == null ? null : last.name(),
                last != null && last.ratio().compareTo(requiredRatio) < 0, below);
    }
}

package org.canbao.subsidy.domain;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The pooling region of each campaign unit, by policy year (from the campaigns). A person belongs to the region of
 * their village, else of their township; for a year no campaign has defined yet, the latest year that placed the unit.
 */
public record UnitRegions(Map<Integer, Map<String, String>> byYear) {
    public UnitRegions {
        byYear = Map.copyOf(byYear);
    }

    /** Null when no campaign placed the person's village or township in a region. */
    public String regionOf(int year, String township, String village) {
        String own = in(byYear.getOrDefault(year, Map.of()), township, village);
        if (own != null) {
            return own;
        }
        return byYear.keySet().stream().sorted(Comparator.reverseOrder())
                .map(y -> in(byYear.get(y), township, village)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String in(Map<String, String> units, String township, String village) {
        return Stream.of(village, township).filter(Objects::nonNull).map(units::get).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }
}

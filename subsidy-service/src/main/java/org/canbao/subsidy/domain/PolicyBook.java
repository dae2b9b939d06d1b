package org.canbao.subsidy.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every pooling region's policies, and which one decides a person's year. A person whose region is known (from the
 * campaign unit they live in) is decided by that region's policy only: another region's rules never apply to them.
 * A person whose region is not known yet is decided by the default region's policy, or, when it has none for the
 * year, by the only region that has one (a deployment that names its single region in every call).
 */
public record PolicyBook(String defaultRegion, Map<String, Map<Integer, Policy>> regions) {
    public record Chosen(String region, Policy policy) {
    }

    public PolicyBook {
        regions = Map.copyOf(regions);
    }

    public boolean isEmpty() {
        return regions.values().stream().allMatch(Map::isEmpty);
    }

    public Set<Integer> years() {
        Set<Integer> years = new TreeSet<>();
        regions.values().forEach(byYear -> years.addAll(byYear.keySet()));
        return years;
    }

    /** The same book with one region's year replaced: what a changed policy would decide (what-if). */
    public PolicyBook with(String region, Policy policy) {
        Map<String, Map<Integer, Policy>> changed = new java.util.HashMap<>(regions);
        Map<Integer, Policy> years = new java.util.HashMap<>(changed.getOrDefault(region, Map.of()));
        years.put(policy.year(), policy);
        changed.put(region, years);
        return new PolicyBook(defaultRegion, changed);
    }

    /** @param personRegion the region of the person's unit for that year, or null when not known */
    public Optional<Chosen> choose(String personRegion, int year) {
        if (personRegion != null) {
            return of(personRegion, year);
        }
        Optional<Chosen> own = of(defaultRegion, year);
        if (own.isPresent()) {
            return own;
        }
        List<String> having = regions.keySet().stream().filter(r -> of(r, year).isPresent()).toList();
        return having.size() == 1 ? of(having.get(0), year) : Optional.empty();
    }

    private Optional<Chosen> of(String region, int year) {
        return Optional.ofNullable(regions.getOrDefault(region, Map.of()).get(year)).map(p -> new Chosen(region, p));
    }
}

package org.canbao.enrollment.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The campaigns' units as enrollment knows them, and which villages a roster line of a township may name. Each
 * pooling region has its own campaign, so another region's villages never make a township's villages unknown.
 */
public final class Places {
    private Places() {
    }

    /** {@code region} and {@code parent} are null in campaigns defined before regions and unit trees. */
    public record Place(String name, String kind, int policyYear, String region, String parent) {
        boolean village() {
            return RosterLine.VILLAGE_KINDS.contains(kind);
        }
    }

    private record Campaign(int policyYear, String region) {
    }

    /**
     * For each unit that is not a village, the villages its own campaign defines under it: those naming it as parent,
     * and in a table without parents every village of the campaign. A unit missing here, or with none, takes any village.
     */
    public static Map<String, Set<String>> villagesByTownship(Collection<Place> places) {
        Map<Campaign, List<Place>> byCampaign = places.stream()
                .collect(Collectors.groupingBy(p -> new Campaign(p.policyYear(), p.region())));
        Map<String, Set<String>> villages = new HashMap<>();
        byCampaign.values().forEach(campaign -> campaign.stream().filter(p -> !p.village()).forEach(township ->
                villages.put(township.name(), campaign.stream()
                        .filter(v -> v.village() && (v.parent() == null || Objects.equals(v.parent(), township.name())))
                        .map(Place::name).collect(Collectors.toSet()))));
        return villages;
    }
}

package org.canbao.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacesTest {
    @Test
    void anotherRegionsVillagesDoNotMakeATownshipsVillagesUnknown() {
        Map<String, Set<String>> villages = Places.villagesByTownship(List.of(
                new Places.Place("梅仙镇", "township", 2023, null, null),
                new Places.Place("隘口镇", "township", 2023, "aikou", null),
                new Places.Place("平所村", "village", 2023, "aikou", null)));
        assertEquals(Set.of(), villages.get("梅仙镇"), "Pingjiang's campaign lists no villages: any village goes");
        assertEquals(Set.of("平所村"), villages.get("隘口镇"));
    }

    @Test
    void inATreeATownshipHasOnlyTheVillagesUnderIt() {
        Map<String, Set<String>> villages = Places.villagesByTownship(List.of(
                new Places.Place("甲镇", "township", 2023, null, "西县"),
                new Places.Place("乙镇", "township", 2023, null, "西县"),
                new Places.Place("甲村", "village", 2023, null, "甲镇"),
                new Places.Place("乙村", "village", 2023, null, "乙镇")));
        assertEquals(Set.of("甲村"), villages.get("甲镇"));
        assertEquals(Set.of("乙村"), villages.get("乙镇"));
    }

    @Test
    void campaignsOfOtherYearsAreOtherCampaigns() {
        Map<String, Set<String>> villages = Places.villagesByTownship(List.of(
                new Places.Place("甲镇", "township", 2024, null, null),
                new Places.Place("旧村", "village", 2023, null, null)));
        assertEquals(Set.of(), villages.get("甲镇"));
    }
}

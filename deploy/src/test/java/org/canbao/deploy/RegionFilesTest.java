package org.canbao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.canbao.contracts.EventCodec;
import org.junit.jupiter.api.Test;

/**
 * The region folders (deploy/regions) as the loader sends them, without the services: each reads, names its year,
 * uses only the fields the policy and campaign documents know, and Pingjiang's is what the demo loads. That the
 * services accept them is RegionsIT's {@code everyRegionFolderIsAccepted}.
 */
class RegionFilesTest {
    static final Path REGIONS = Path.of("regions");
    private static final Set<String> POLICY_FIELDS = Set.of("region", "contribution", "tiers", "subsidies", "subsidyTable",
            "window", "baseListDate", "benefitStart", "benefitRules", "fiscalShare", "afterWindow", "refundAfterPayment",
            "categories", "statusValidity", "crossRegionStandard");
    private static final Set<String> BENEFIT_RULE_FIELDS = Set.of("from", "until", "persons", "newbornAge", "start", "days",
            "due", "except");
    private static final Set<String> SUBSIDY_FIELDS = Set.of("category", "tier", "rule", "amount", "fundingSource");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("units", "checkpoints", "bulletins", "bottomN", "bottomInARow", "hardshipFloor",
            "targetReductions", "taxOffices", "awards", "incentives");

    static List<Path> regions() throws IOException {
        try (Stream<Path> dirs = Files.list(REGIONS)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void theFiveNoticesAreThere() throws IOException {
        assertEquals(List.of("aikou-2023", "pingjiang-2023", "shandong-2024", "wuming-2018", "xiyan-2022"),
                regions().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void everyFolderReadsWithKnownFieldsOnly() throws IOException {
        for (Path dir : regions()) {
            RegionLoader.Region region = RegionLoader.read(dir);
            assertEquals(Integer.parseInt(dir.getFileName().toString().replaceAll(".*-", "")), region.year());
            assertTrue(Files.exists(dir.resolve("README.md")), dir + " explains its rules");
            JsonNode policy = EventCodec.mapper().readTree(region.policy());
            policy.fieldNames().forEachRemaining(f -> assertTrue(POLICY_FIELDS.contains(f), dir + ": policy field " + f));
            policy.path("subsidies").forEach(s -> s.fieldNames().forEachRemaining(f ->
                    assertTrue(SUBSIDY_FIELDS.contains(f), dir + ": subsidy field " + f)));
            policy.path("benefitRules").forEach(r -> r.fieldNames().forEachRemaining(f ->
                    assertTrue(BENEFIT_RULE_FIELDS.contains(f), dir + ": benefit rule field " + f)));
            assertFalse(policy.path("tiers").isEmpty(), dir + " has tiers");
            JsonNode campaign = EventCodec.mapper().readTree(region.campaign());
            campaign.fieldNames().forEachRemaining(f -> assertTrue(CAMPAIGN_FIELDS.contains(f), dir + ": campaign field " + f));
            assertTrue(campaign.path("units").asText().startsWith("unit_name,unit_kind,"), dir + " has its allocation table");
            campaign.path("checkpoints").forEach(c -> assertTrue(c.path("requiredRatio").decimalValue().signum() > 0
                    && c.path("requiredRatio").decimalValue().compareTo(java.math.BigDecimal.ONE) <= 0, dir + ": " + c));
        }
    }

    @Test
    void aikouKeepsEveryRowOfItsTableAndTheSubsidyTable() throws IOException {
        RegionLoader.Region aikou = RegionLoader.read(REGIONS.resolve("aikou-2023"));
        String units = EventCodec.mapper().readTree(aikou.campaign()).path("units").asText();
        assertEquals(11, units.strip().lines().count() - 1);
        assertTrue(units.contains("坝芒村,village,3327,61,3226,3102"), "the inconsistent row as published");
        JsonNode subsidies = EventCodec.mapper().readTree(aikou.policy()).path("subsidies");
        assertEquals(37, subsidies.size(), "19 categories at two tiers, less the empty tier-1 cell of 在乡老复员军人");
    }

    @Test
    void pingjiangIsWhatTheDemoLoads() throws IOException {
        RegionLoader.Region pingjiang = RegionLoader.read(REGIONS.resolve("pingjiang-2023"));
        assertEquals(Pingjiang.YEAR, pingjiang.year());
        assertEquals(EventCodec.mapper().readTree(Pingjiang.POLICY), EventCodec.mapper().readTree(pingjiang.policy()));
        assertEquals(EventCodec.mapper().readTree(Pingjiang.campaign()), EventCodec.mapper().readTree(pingjiang.campaign()));
    }
}

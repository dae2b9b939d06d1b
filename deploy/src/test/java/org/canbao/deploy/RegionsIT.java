package org.canbao.deploy;

import static org.canbao.deploy.EndToEnd.ok;
import static org.canbao.deploy.EndToEnd.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.KafkaBroker;
import org.canbao.infra.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.canbao.simulator.Api;

/**
 * Every region folder (deploy/regions) through {@code ./canbao load}'s loader, each as a pooling region of its own in
 * one deployment: the services, as built, accept each policy and campaign, and two regions of the same year (Pingjiang
 * and Aikou, 2023) each decide, count and account their own persons by their own rules. A broker, database and suite
 * of its own, so the walking skeleton's default region stays as it was.
 */
class RegionsIT {
    private static Suite suite;
    private static String database;
    private static KafkaBroker broker;
    private static Path brokerDir;

    @BeforeAll
    static void startSuite() throws Exception {
        brokerDir = Files.createTempDirectory("canbao-regions-kafka");
        broker = KafkaBroker.start(brokerDir, 0, 0);
        database = TestInfra.freshDatabase("regions");
        suite = EndToEnd.start("regions", database, broker.bootstrapServers());
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
        if (broker != null) {
            broker.stop();
        }
        TestInfra.postgres().dropDatabase(database);
    }

    /** Each folder as its own pooling region and year: Pingjiang and Aikou are both 2023, side by side. */
    @Test
    void everyRegionFolderIsAccepted() throws Exception {
        List<Path> regions = RegionFilesTest.regions();
        assertEquals(5, regions.size());
        for (Path dir : regions) {
            RegionLoader.Region region = RegionLoader.read(dir);
            RegionLoader.Loaded loaded = load(region);
            long rows = EventCodec.mapper().readTree(region.campaign()).path("units").asText().strip().lines().count() - 1;
            assertEquals(rows, loaded.campaign().json().path("units").asLong(), region.name() + ": every row is a unit");
            if (region.name().equals("aikou-2023")) {
                assertEquals(11, loaded.campaign().json().path("units").asInt());
                assertTrue(loaded.campaign().json().path("warnings").toString().contains("坝芒村"), "the table's own slip is reported");
            }
            Api.Answer policy = suite.http(ServiceSpec.SUBSIDY).get("supervisor",
                    "/api/v1/regions/" + region.code() + "/policies/" + region.year());
            assertEquals(200, policy.status(), policy.body());
            assertFalse(policy.json().path("contributions").isEmpty(), region.name());
        }
    }

    /**
     * One minimum-living resident in a Pingjiang township and one in an Aikou village, same year: each is decided by
     * their own region's rule (half of 350 against Aikou's fixed 315 at tier 1), and each region's progress and ledger
     * count only its own. A unit of one region's campaign cannot join another's in the same year.
     */
    @Test
    void pingjiangAndAikouRunSideBySide() throws Exception {
        load(RegionLoader.read(RegionFilesTest.REGIONS.resolve("pingjiang-2023")));
        load(RegionLoader.read(RegionFilesTest.REGIONS.resolve("aikou-2023")));
        Api enrollment = suite.http(ServiceSpec.ENROLLMENT);
        Api subsidy = suite.http(ServiceSpec.SUBSIDY);
        Api reporting = suite.http(ServiceSpec.REPORTING);
        IdNumber pingjiang = IdNumber.of(Pingjiang.REGION_CODE, LocalDate.of(1961, 3, 9), 41);
        IdNumber aikou = IdNumber.of("522632", LocalDate.of(1972, 6, 1), 62);

        String roster = String.join("\n",
                "{\"idNumber\":\"" + pingjiang.value() + "\",\"name\":\"周七\",\"householdId\":\"PJ1\",\"township\":\"梅仙镇\"}",
                "{\"idNumber\":\"" + aikou.value() + "\",\"name\":\"杨九\",\"householdId\":\"AK1\",\"township\":\"隘口镇\",\"village\":\"平所村\"}");
        assertEquals(2, ok(enrollment.post("public-security", "/api/v1/residents", "application/x-ndjson", roster)).get("accepted").asInt());
        String feed = "idNumber,name,category\n" + pingjiang.value() + ",周七,MINIMUM_LIVING\n" + aikou.value() + ",杨九,MINIMUM_LIVING\n";
        assertEquals(2, ok(enrollment.post("civil-affairs", "/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=snapshot",
                "text/csv", feed)).get("accepted").asInt());

        JsonNode pj = eventually("Pingjiang's half subsidy", () -> subsidy.get("supervisor",
                "/api/v1/entitlements/" + pingjiang.value() + "?policyYear=2023"), a -> a.status() == 200
                && "175.00".equals(a.json().path("subsidy").asText())).json();
        assertEquals("175.00", pj.get("personalDue").asText());
        assertEquals("pingjiang", pj.get("region").asText());
        JsonNode ak = eventually("Aikou's fixed 315", () -> subsidy.get("supervisor",
                "/api/v1/entitlements/" + aikou.value() + "?policyYear=2023"), a -> a.status() == 200
                && "315.00".equals(a.json().path("subsidy").asText())).json();
        assertEquals("35.00", ak.get("personalDue").asText());
        assertEquals("aikou", ak.get("region").asText());

        String payments = String.join("\n",
                "{\"receiptId\":\"RG-PJ-1\",\"idNumber\":\"" + pingjiang.value() + "\",\"policyYear\":2023,\"amount\":\"175.00\",\"channel\":\"WECHAT\",\"paidAt\":\"2022-10-08T09:30:00+08:00\"}",
                "{\"receiptId\":\"RG-AK-1\",\"idNumber\":\"" + aikou.value() + "\",\"policyYear\":2023,\"amount\":\"35.00\",\"channel\":\"BANK_COUNTER\",\"paidAt\":\"2022-11-20T10:00:00+08:00\"}");
        assertEquals(2, ok(suite.http(ServiceSpec.PAYMENT_INGEST).post("tax", "/api/v1/payments", "application/x-ndjson", payments))
                .get("accepted").asInt());

        JsonNode pjProgress = eventually("Pingjiang counts its own", () -> reporting.get("supervisor",
                "/api/v1/regions/pingjiang/campaigns/2023/progress"), a -> a.status() == 200
                && a.json().path("total").path("enrolled").asInt() == 1).json();
        assertEquals(26, pjProgress.get("units").size());
        assertEquals(1, unit(pjProgress, "梅仙镇").path("enrolled").asInt());
        JsonNode akProgress = eventually("Aikou counts its own", () -> reporting.get("supervisor",
                "/api/v1/regions/aikou/campaigns/2023/progress"), a -> a.status() == 200
                && a.json().path("total").path("enrolled").asInt() == 1).json();
        assertEquals(1, unit(akProgress, "平所村").path("enrolled").asInt());
        assertTrue(unit(akProgress, "梅仙镇").isMissingNode(), "no Pingjiang unit in Aikou's figures");
        assertEquals(404, reporting.get("supervisor", "/api/v1/campaigns/2023/progress").status(),
                "the suite's default region has no campaign");

        JsonNode pjLedger = eventually("Pingjiang's ledger", () -> subsidy.get("supervisor", "/api/v1/regions/pingjiang/ledger/2023"),
                a -> a.status() == 200 && a.json().path("enrolledSubsidies").path("persons").asInt() == 1).json();
        assertEquals("175.00", pjLedger.path("enrolledSubsidies").path("amount").asText());
        JsonNode akLedger = eventually("Aikou's ledger", () -> subsidy.get("supervisor", "/api/v1/regions/aikou/ledger/2023"),
                a -> a.status() == 200 && a.json().path("enrolledSubsidies").path("persons").asInt() == 1).json();
        assertEquals("315.00", akLedger.path("enrolledSubsidies").path("amount").asText());

        Api.Answer stolen = reporting.put("admin", "/api/v1/regions/other/campaigns/2023", "text/csv",
                "unit_name,unit_kind,target\n梅仙镇,township,100\n");
        assertEquals(400, stolen.status(), stolen.body());
        assertTrue(stolen.body().contains("梅仙镇") && stolen.body().contains("pingjiang"), stolen.body());
        assertEquals(400, subsidy.put("admin", "/api/v1/regions/bad%20code/policies/2023", "application/json", "{}").status());
    }

    private static RegionLoader.Loaded load(RegionLoader.Region region) {
        RegionLoader.Loaded loaded = RegionLoader.load(region, null, suite.http(ServiceSpec.SUBSIDY),
                suite.http(ServiceSpec.REPORTING), System.out);
        assertEquals(200, loaded.policy().status(), region.name() + ": " + loaded.policy().body());
        assertEquals(200, loaded.campaign().status(), region.name() + ": " + loaded.campaign().body());
        return loaded;
    }

    private static JsonNode unit(JsonNode progress, String name) {
        for (JsonNode unit : progress.path("units")) {
            if (name.equals(unit.path("name").asText())) {
                return unit;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}

package org.canbao.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * Each seed notice's campaign document (deploy/regions/&lt;region&gt;-&lt;year&gt;, as {@code ./canbao load} sends it) put
 * through the API as its own pooling region, on the real broker and database, with cases from its notice. Each is
 * loaded under a year of its own (the loader's year override), so no other test's persons count in it.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class RegionCampaignsTest {
    private static final Path REGIONS = Path.of("..", "deploy", "regions");

    /** The campaign as the loader builds it: campaign.json, its units from targets.csv when it names none. */
    static String campaign(String folder) throws IOException {
        Path dir = REGIONS.resolve(folder);
        ObjectNode document = (ObjectNode) EventCodec.mapper().readTree(Files.readString(dir.resolve("campaign.json")));
        if (!document.has("units")) {
            document.put("units", Files.readString(dir.resolve("targets.csv"), StandardCharsets.UTF_8));
        }
        return EventCodec.mapper().writeValueAsString(document);
    }

    private static JsonPath put(String region, int year, String folder) throws IOException {
        return given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(campaign(folder).getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/regions/" + region + "/campaigns/" + year).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath get(String path) {
        return given().auth().preemptive().basic("supervisor", "supervisor").get(path).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath eventually(String path, Predicate<JsonPath> done) throws InterruptedException {
        JsonPath answer = get(path);
        for (int i = 0; i < 150 && !done.test(answer); i++) {
            Thread.sleep(200);
            answer = get(path);
        }
        assertTrue(done.test(answer), path + ": " + answer.prettify());
        return answer;
    }

    private static void publish(String topic, CanbaoEvent event) {
        TopicWriter.send(TestInfra.broker().bootstrapServers(), topic, event.subject(),
                EventCodec.write(EventCodec.envelope("/test", event)));
    }

    private static void person(String key, String township, String village) {
        publish("identity-verified", new IdentityVerified(key, "430626********0000", "H-" + key, township, village,
                "ACTIVE", 1980, Instant.now()));
    }

    private static void enrolled(String key, int year, String at) {
        publish("entitlement-changed", new EntitlementChanged(key, year, 1, "PAID", false, OffsetDateTime.parse(at),
                BigDecimal.ZERO, new BigDecimal("350.00"), new BigDecimal("350.00")));
    }

    private static Map<String, Object> unit(JsonPath answer, String name) {
        return answer.getMap("units.find { it.name == '" + name + "' }");
    }

    /** Pingjiang's file sets none of the new rules: its bulletins are the three checkpoints, the bottom three flagged. */
    @Test
    void pingjiangKeepsItsThreeCheckpointsAndTheDefaults() throws Exception {
        int year = 2051;
        put("pingjiang", year, "pingjiang-2023");
        person("pj-1", "三阳乡", null);
        enrolled("pj-1", year, "2022-11-01T10:00:00+08:00");
        JsonPath progress = eventually("/api/v1/regions/pingjiang/campaigns/" + year + "/progress",
                p -> p.getInt("total.enrolled") == 1);
        assertEquals(26, progress.getList("units").size());
        assertEquals(1.0f, progress.getFloat("hardshipFloor"));
        JsonPath checkpoints = get("/api/v1/regions/pingjiang/campaigns/" + year + "/checkpoints");
        assertEquals(List.of(0.7f, 0.9f, 1.0f), checkpoints.getList("requiredRatio"));
        assertEquals("三阳乡", checkpoints.getString("[0].topThree[0]"));
        assertTrue(checkpoints.getList("[0].bottom").size() >= 3, "the last three (ties included)");
        assertEquals(0, get("/api/v1/regions/pingjiang/campaigns/" + year + "/reconciliation").getInt("toOtherOffices"),
                "no tax office configured");
    }

    /**
     * Aikou: Monday bulletins until 30 Nov, then daily to 15 Dec; 95 % of the eligible by 15 Dec (the task itself);
     * the bottom three villages flagged; 平所村's target reduced (核减) for two residents enrolled elsewhere.
     */
    @Test
    void aikouBulletinsBottomThreeNinetyFivePercentAndReducedTargets() throws Exception {
        int year = 2052;
        JsonPath defined = put("aikou", year, "aikou-2023");
        assertTrue(defined.getList("warnings").toString().contains("坝芒村"), "the inconsistent row is warned");
        person("ak-1", "隘口镇", "隘口居委");
        enrolled("ak-1", year, "2022-11-20T10:00:00+08:00");
        person("ak-2", "隘口镇", "平所村");
        person("ak-3", "隘口镇", "平所村");
        publish("person-excluded", new PersonExcluded("ak-2", year, "ENROLLED_ELSEWHERE", Instant.now()));
        publish("person-excluded", new PersonExcluded("ak-3", year, "ENROLLED_ELSEWHERE", Instant.now()));
        JsonPath progress = eventually("/api/v1/regions/aikou/campaigns/" + year + "/progress",
                p -> p.getInt("total.enrolled") == 1 && Integer.valueOf(2).equals(p.getMap("targetReductions").get("平所村")));
        assertEquals(2, ((Number) progress.getMap("targetReductions").get("平所村")).intValue());
        assertEquals(2493, ((Number) unit(progress, "平所村").get("target")).intValue(), "2495 less the two 核减");
        assertEquals(22012, progress.getInt("total.target"));
        assertTrue(progress.getList("bottom").contains("平所村"));
        assertTrue(!progress.getList("bottom").contains("隘口居委"), "the only village with anyone enrolled");

        JsonPath bulletins = get("/api/v1/regions/aikou/campaigns/" + year + "/checkpoints");
        List<String> cutoffs = bulletins.getList("cutoff");
        assertEquals(4 + 15 + 1, cutoffs.size(), "Mondays 7–28 Nov, daily 1–15 Dec, and the 15 Dec 24:00 checkpoint");
        assertTrue(cutoffs.get(0).startsWith("2022-11-07T00:00"), cutoffs.get(0));
        assertNull(bulletins.get("[0].requiredRatio"));
        assertEquals(List.of(), bulletins.getList("[0].below"));
        assertEquals(0.95f, bulletins.getFloat("[19].requiredRatio"));
        assertEquals("eligible", bulletins.getString("[19].ratioOf"));
        assertEquals(11, bulletins.getList("[19].below").size(), "no village has 95 % of its eligible");
        assertEquals(2, bulletins.getInt("[1].bottomInARow"), "连续: two bulletins in a row (the file's reading)");
        assertEquals(List.of(), bulletins.getList("[0].calledIn"), "the first bulletin calls nobody in yet");
        assertTrue(bulletins.getList("[1].calledIn").contains("平所村"), bulletins.getList("[1].calledIn").toString());
        assertTrue(!bulletins.getList("[19].calledIn").contains("隘口居委"), "enrolled someone: not at the bottom");
    }

    /**
     * Xiyan: a payment to another county's tax office is flagged; the 1000 CNY deduction below 95 %; the shortfall
     * measured at the end of the window, so a late enrollee earns 0.5 but does not reduce it.
     */
    @Test
    void xiyanFlagsAnotherTaxOfficeAndDeductsAtTheEndOfTheWindow() throws Exception {
        int year = 2053;
        put("xiyan", year, "xiyan-2022");
        person("xy-1", "西岩镇", "青界山");
        person("xy-2", "西岩镇", "青界山");
        person("xy-3", "西岩镇", "青界山");
        enrolled("xy-1", year, "2021-10-01T10:00:00+08:00");
        enrolled("xy-2", year, "2022-01-05T10:00:00+08:00");
        OffsetDateTime paid = OffsetDateTime.parse("2021-10-01T10:00:00+08:00");
        publish("payment-received", new PaymentReceived("xy-1", "XY-R1", year, 1, new BigDecimal("320.00"), "APP", paid,
                "城步苗族自治县税务局", Instant.now()));
        publish("payment-received", new PaymentReceived("xy-2", "XY-R2", year, 1, new BigDecimal("320.00"), "APP", paid,
                "新宁县税务局", Instant.now()));
        publish("payment-received", new PaymentReceived("xy-3", "XY-R3", year, 1, new BigDecimal("320.00"), "APP", paid,
                "武冈市税务局", Instant.now()));
        publish("payment-reversed", new PaymentReversed("xy-3", "XY-R3", year, new BigDecimal("320.00"), paid.plusDays(1),
                "wrong office, refunded", Instant.now()));
        JsonPath reconciliation = eventually("/api/v1/regions/xiyan/campaigns/" + year + "/reconciliation",
                r -> r.getInt("payments") == 2);
        assertEquals(List.of("城步苗族自治县税务局"), reconciliation.getList("taxOffices"));
        assertEquals(1, reconciliation.getInt("toOtherOffices"));
        assertEquals("XY-R2", reconciliation.getString("flagged[0].receiptId"));
        assertEquals("新宁县税务局", reconciliation.getString("flagged[0].taxOffice"));
        assertEquals("OTHER_TAX_OFFICE", reconciliation.getString("flagged[0].reason"));

        eventually("/api/v1/regions/xiyan/campaigns/" + year + "/progress", p -> p.getInt("total.enrolled") == 2);
        JsonPath incentives = get("/api/v1/regions/xiyan/campaigns/" + year + "/incentives");
        Map<String, Object> qingjie = unit(incentives, "青界山");
        assertEquals(1, ((Number) qingjie.get("lateEnrolled")).intValue());
        assertEquals("-754.00", qingjie.get("shortfall"), "378 − 1 enrolled by 31 Dec = 377 short, at 2 CNY");
        assertEquals("-1000.00", qingjie.get("deductions"));
        assertEquals("-1753.00", qingjie.get("total"), "0.5 base + 0.5 late − 754 − 1000");
    }

    /** Wuming: targets as 97 % of the end-2016 population (608,897 in all); Thursday bulletins with no ratio. */
    @Test
    void wumingComputesItsTargetsAndBulletinsOnThursdaysWithoutARatio() throws Exception {
        int year = 2054;
        JsonPath defined = put("wuming", year, "wuming-2018");
        assertEquals(13, defined.getInt("units"));
        JsonPath progress = get("/api/v1/regions/wuming/campaigns/" + year + "/progress");
        assertEquals(608897, progress.getInt("total.target"));
        assertEquals(71556, ((Number) unit(progress, "城厢镇").get("target")).intValue());
        JsonPath bulletins = get("/api/v1/regions/wuming/campaigns/" + year + "/checkpoints");
        assertEquals(17 + 1, bulletins.getList("cutoff").size(), "17 Thursdays from 7 Sep to 28 Dec, and 31 Dec 24:00");
        assertNull(bulletins.get("[0].requiredRatio"));
        assertEquals(1.0f, bulletins.getFloat("[17].requiredRatio"));
        JsonPath incentives = get("/api/v1/regions/wuming/campaigns/" + year + "/incentives");
        assertEquals("0.00", incentives.getString("units[0].total"), "1.5 CNY a person only for towns finishing on time");
    }

    /**
     * Shandong: province → city → county → township; the floor is 99 % of medical-assistance recipients, and a
     * severely disabled person (not a medical-assistance category) is not counted against it.
     */
    @Test
    void shandongWalksItsHierarchyWithANinetyNinePercentFloorForMedicalAssistanceRecipients() throws Exception {
        int year = 2055;
        put("shandong", year, "shandong-2024");
        person("sd-1", "山大路街道", null);
        person("sd-2", "山大路街道", null);
        person("sd-3", "港沟街道", null);
        for (String[] s : new String[][] {{"sd-1", "MINIMUM_LIVING"}, {"sd-2", "MINIMUM_LIVING"}, {"sd-3", "SEVERE_DISABILITY"}}) {
            publish("status-changed", new StatusChanged(s[0], s[1].equals("MINIMUM_LIVING") ? "civil-affairs"
                    : "disabled-persons-federation", s[1], StatusChanged.Change.ADDED, java.time.LocalDate.parse("2023-08-01"),
                    Instant.now()));
        }
        enrolled("sd-1", year, "2023-10-01T10:00:00+08:00");
        JsonPath county = eventually("/api/v1/regions/shandong/campaigns/" + year + "/progress?parent=历城区",
                p -> p.getInt("total.enrolled") == 1 && p.getInt("total.hardship.total") == 2);
        assertEquals(List.of("山大路街道", "港沟街道"), county.getList("units.name"));
        assertEquals(0.99f, county.getFloat("hardshipFloor"));
        assertEquals(List.of("山大路街道"), county.getList("hardshipBelowFloor"));
        assertEquals(0, ((Map<?, ?>) unit(county, "港沟街道").get("hardship")).get("total"));
        JsonPath top = get("/api/v1/regions/shandong/campaigns/" + year + "/progress");
        assertEquals(List.of("山东省"), top.getList("units.name"));
        assertEquals(168200, top.getInt("units[0].target"), "41,200 + 35,800 + 62,300 + 28,900 rolled up");
    }

    /** A document that would be loaded wrong is refused whole, each problem with its JSON path. */
    @Test
    void aRegionDocumentWithAnUnknownFieldAWrongTypeOrAContradictionIsRefused() throws Exception {
        String units = "\"units\":\"unit_name,unit_kind,target\\n严甲村,village,10\\n\"";
        refused("{" + units + ",\"bulletins\":[{\"every\":\"MONDAY\",\"from\":\"2021-09-01\",\"until\":\"2021-12-31\",\"ratio\":0.9}]}",
                "$.bulletins[0].ratio: unknown field (known: every, from, until)");
        refused("{" + units + ",\"incentives\":{\"bands\":[{\"minRatio\":0,\"perPerson\":0.5}],\"deductions\":[{\"amount\":\"lots\"}]}}",
                "$.incentives.deductions[0].amount: wrong type, a number is expected");
        refused("{" + units + ",\"checkpoints\":[{\"cutoff\":\"2021-11-30\",\"requiredRatio\":0.9},"
                + "{\"cutoff\":\"2021-12-31\",\"requiredRatio\":0.8}]}",
                "$.checkpoints[1].requiredRatio: requiredRatio 0.8 is less than the earlier $.checkpoints[0]'s 0.9");
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(("{" + units + ",\"taxOffices\":\"城步\"}").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/regions/strict/campaigns/2056").then().statusCode(400)
                .body("detail", startsWith("$.taxOffices处：类型错误，应为array"));
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(("{" + units + ",\"bottomN\":3}").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2056").then().statusCode(200);
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2056/reconciliation")
                .then().statusCode(200).body("taxOffices.size()", org.hamcrest.Matchers.equalTo(0));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/regions/nowhere/campaigns/2056/reconciliation")
                .then().statusCode(404).body("detail", containsString("2056"));
    }

    private static void refused(String campaign, String reason) {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").header("Accept-Language", "en")
                .body(campaign.getBytes(StandardCharsets.UTF_8)).put("/api/v1/regions/strict/campaigns/2056").then()
                .statusCode(400).contentType("application/problem+json").body("detail", startsWith(reason));
    }
}

package org.canbao.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.canbao.infra.TopicWriter;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class CampaignResourceTest {
    /** Xiyan 2022's table, first rows, with a unit of no target like the source's 青界山. */
    private static final String XIYAN = """
            unit_name,unit_kind,system_count,enrolled_elsewhere,target
            华升社区,community,2538,334,4
            金石社区,community,1439,155,2
            太塘村,village,1446,108,2
            """;

    private static void publish(String topic, CanbaoEvent event) {
        TopicWriter.send(TestInfra.broker().bootstrapServers(), topic, event.subject(),
                EventCodec.write(EventCodec.envelope("/test", event)));
    }

    private static void person(String key, String village) {
        publish("identity-verified", new IdentityVerified(key, "430626********0000", "H-" + key, "西岩镇", village,
                "ACTIVE", 1980, Instant.now()));
    }

    private static void enrolled(String key, String at) {
        publish("entitlement-changed", new EntitlementChanged(key, 2022, 1, "PAID", false, OffsetDateTime.parse(at),
                BigDecimal.ZERO, new BigDecimal("320.00"), new BigDecimal("320.00")));
    }

    private static ValidatableResponse progress(String query) {
        return given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2022/progress" + query).then().statusCode(200);
    }

    @Test
    void progressCountsEnrolledPersonsPerUnitAsOfAnyInstantAndRanksThem() {
        given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                .body(XIYAN.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2022").then().statusCode(200).body("units", equalTo(3));

        person("p1", "华升社区");
        person("p2", "华升社区");
        person("p3", "金石社区");
        person("p4", "太塘村");
        enrolled("p1", "2021-10-01T10:00:00+08:00");
        enrolled("p2", "2021-12-20T10:00:00+08:00");
        enrolled("p3", "2021-11-05T10:00:00+08:00");
        publish("status-changed", new StatusChanged("p4", "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.ADDED,
                LocalDate.of(2021, 8, 31), Instant.now()));
        person("p5", "太塘村");
        publish("status-changed", new StatusChanged("p5", "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.ADDED,
                LocalDate.of(2021, 8, 31), Instant.now()));
        awaitTotals(3, 2);
        publish("person-excluded", new PersonExcluded("p5", 2022, "EMPLOYEE_INSURED", Instant.now()));
        awaitTotals(3, 1);
        progress("").body("total.enrolled", equalTo(3)).body("total.target", equalTo(8))
                .body("units[0].name", equalTo("华升社区")).body("units[0].ratio", equalTo(0.5f))
                .body("units[1].ratio", equalTo(0.5f)).body("units[1].rank", equalTo(1))
                .body("units[2].enrolled", equalTo(0)).body("units[2].rank", equalTo(3))
                .body("units[2].hardship.total", equalTo(1)).body("units[2].hardship.enrolled", equalTo(0));
        progress("?asOf=2021-11-10").body("units[0].enrolled", equalTo(1)).body("units[1].enrolled", equalTo(1))
                .body("asOf", equalTo("2021-11-11T00:00:00+08:00"));
        progress("?asOf=2021-10-31").body("units[0].enrolled", equalTo(1)).body("units[1].enrolled", equalTo(0))
                .body("units[1].rank", equalTo(2));

        // the same figures as the files supervisors send around, with Chinese headers
        String csv = given().auth().preemptive().basic("supervisor", "supervisor").accept("text/csv")
                .get("/api/v1/campaigns/2022/progress").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename*=UTF-8''2022"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFF单位,类型,目标任务数,已参保人数,完成率,排名,困难群众人数,困难群众已参保,困难群众参保率", lines.get(0));
        assertEquals(5, lines.size(), csv);
        assertEquals("华升社区,社区,4,2,50.00%,1", lines.get(1).replace("\"", "").substring(0, "华升社区,社区,4,2,50.00%,1".length()));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2022/progress").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/json"));
        byte[] xlsx = given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2022/progress?format=xlsx").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")).extract().asByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var rows = workbook.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> read = rows.toList();
            assertEquals("单位", read.get(0).getCellText(0));
            assertEquals("华升社区", read.get(1).getCellText(0));
            assertEquals(0, new java.math.BigDecimal("0.5").compareTo(read.get(1).getCellAsNumber(4).orElseThrow()));
            assertEquals(3, read.get(4).getCellAsNumber(3).orElseThrow().intValue(), "the total row");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDashboardIsForSupervisorsAndTheStreamStartsWithEveryUnit() throws Exception {
        given().get("/").then().statusCode(401);
        given().auth().preemptive().basic("tax", "tax").get("/").then().statusCode(403);
        given().auth().preemptive().basic("supervisor", "supervisor").get("/").then().statusCode(200)
                .body(containsString("EventSource"));
        given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                .body("unit_name,unit_kind,target\n流村,village,5\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2040").then().statusCode(200);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                + "/api/v1/campaigns/2040/progress/stream"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:supervisor".getBytes()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        String first = response.body().filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
        assertThat(first, containsString("\"name\":\"流村\""));
    }

    @Test
    void checkpointsRankUnitsAsOfTheirCutOff() {
        String document = "{\"units\":[{\"name\":\"甲镇\",\"kind\":\"township\",\"target\":1},"
                + "{\"name\":\"乙镇\",\"kind\":\"township\",\"target\":1},"
                + "{\"name\":\"示范中心\",\"kind\":\"special_unit\",\"target\":1}],"
                + "\"checkpoints\":[{\"cutoff\":\"2021-11-10\",\"requiredRatio\":0.7}]}";
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(document.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2030").then().statusCode(200);
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2030/checkpoints").then()
                .statusCode(200)
                .body("[0].cutoff", equalTo("2021-11-11T00:00:00+08:00"))
                .body("[0].below", hasItem("甲镇"))
                .body("[0].lastPlaceBelow", equalTo(true))
                .body("[0].ranking.size()", equalTo(2));
        String bulletin = given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2030/checkpoints?format=csv").then().statusCode(200).extract().asString();
        assertTrue(bulletin.lines().anyMatch(l -> l.contains(",甲镇,") && l.contains("70.00%") && l.contains("低于要求")),
                bulletin);
        assertTrue(bulletin.contains("末位"), bulletin);
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2030/progress").then()
                .body("units[2].rank", nullValue());
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2030/awards").then()
                .statusCode(200).body("cutoff", equalTo("2021-11-11T00:00:00+08:00")).body("awards.size()", equalTo(0))
                .body("rules.minRatio", equalTo(0.98f)).body("rules.topN", equalTo(15));
        given().auth().preemptive().basic("supervisor", "supervisor").header("Accept-Language", "en")
                .get("/api/v1/campaigns/2030/incentives").then()
                .statusCode(404).body("detail", equalTo("the 2030 campaign defines no incentive rules"));

        List<ConsumerRecord<String, String>> records = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "campaign-defined", seen -> seen.stream().anyMatch(r -> r.key().equals("campaign-2030")), Duration.ofSeconds(30));
        CampaignDefined defined = records.stream().filter(r -> r.key().equals("campaign-2030"))
                .map(r -> EventCodec.payload(EventCodec.read(r.value()), CampaignDefined.class)).findFirst().orElseThrow();
        assertEquals(3, defined.units().size());
    }

    @Test
    void aBadTableIsRefusedWithItsLineAndInconsistenciesAreWarned() {
        given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                .body("unit_name,unit_kind,target\n甲村,village,12x\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2031").then().statusCode(400).contentType("application/problem+json")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("请求有误")).body("code", equalTo("campaign.line"))
                .body("detail", equalTo("第2行：“target”的值“12x”不是整数"));
        given().auth().preemptive().basic("admin", "admin").contentType("text/csv").header("Accept-Language", "en-GB, zh;q=0.5")
                .body("unit_name,unit_kind,target\n甲村,village,12x\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2031").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Bad Request")).body("code", equalTo("campaign.line"))
                .body("detail", equalTo("line 2: target '12x' is not a whole number"));
        given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                .body("unit_name,unit_kind,population,employee_insured,eligible,target\n坝芒村,village,3327,61,3226,3102\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2032").then().statusCode(200)
                .body("warnings[0]", containsString("坝芒村 population 3327 - employee_insured 61 = 3266, not the eligible 3226"));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/1999/progress").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2032/progress?parent=不存在镇").then()
                .statusCode(404).body("title", equalTo("未找到")).body("code", equalTo("progress.unknown-unit"))
                .body("detail", equalTo("2032年度参保任务中没有单位“不存在镇”"));
        given().auth().preemptive().basic("supervisor", "supervisor").header("Accept-Language", "en")
                .get("/api/v1/campaigns/2032/progress?parent=不存在镇").then()
                .statusCode(404).body("detail", equalTo("the 2032 campaign has no unit '不存在镇'"));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/2032/progress?parent=坝芒村").then()
                .statusCode(200);
        String units = "\"units\":[{\"unit_name\":\"甲村\",\"unit_kind\":\"village\",\"target\":10}]";
        refused("{" + units + ",\"checkpoints\":[{\"cutoff\":\"2032-11-10\",\"requiredRatio\":70}]}",
                "$.checkpoints[0].requiredRatio: 70 is not a share between 0 and 1, such as 0.7");
        refused("{" + units + ",\"awards\":\"top 15\"}", "$.awards: must be an object, not string");
        refused("{" + units + ",\"awards\":{\"topN\":\"fifteen\"}}", "$.awards.topN: wrong type, a number is expected");
        refused("{" + units + ",\"incentives\":{\"bands\":[{\"minRatio\":1,\"perPerson\":1,\"bonus\":5}]}}",
                "$.incentives.bands[0].bonus: unknown field (known: minRatio, perPerson)");
        refused("{" + units + ",\"targetFormula\":\"population*0.95\"}",
                "$.targetFormula: unknown field (known: awards, bottomInARow, bottomN, bulletins, checkpoints, hardshipFloor, incentives, targetReductions, taxOffices, units)");
    }

    private static void refused(String campaign, String reason) {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").header("Accept-Language", "en")
                .body(campaign.getBytes(StandardCharsets.UTF_8)).put("/api/v1/campaigns/2033").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.startsWith(reason));
    }

    private static void awaitTotals(int enrolled, int hardship) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !(Integer.valueOf(enrolled).equals(progress("").extract().path("total.enrolled"))
                && Integer.valueOf(hardship).equals(progress("").extract().path("total.hardship.total")))) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

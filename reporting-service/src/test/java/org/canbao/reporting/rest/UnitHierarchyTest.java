package org.canbao.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdentityVerified;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * A city's campaign with counties, townships and a village, over real HTTP on the real broker and database:
 * {@code progress?parent=} walks every level, targets roll up or come from the table's formula, and the trend of a
 * county adds up its townships.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class UnitHierarchyTest {
    private static final int YEAR = 2036;
    private static final String TABLE = """
            unit_name,unit_kind,parent,target,population,employee_insured,rate
            层湘市,city,,,,,
            层平县,county,层湘市,,,,
            层艾县,county,层湘市,,,,
            层甲镇,township,层平县,,100,10,0.97
            层乙镇,township,层平县,50,,,
            层丙镇,township,层艾县,40,,,
            层丙一村,village,层丙镇,25,,,
            """;

    private static void publish(String topic, CanbaoEvent event) {
        TopicWriter.send(TestInfra.broker().bootstrapServers(), topic, event.subject(),
                EventCodec.write(EventCodec.envelope("/test", event)));
    }

    private static void person(String key, String township, String village, boolean enrolled) {
        publish("identity-verified", new IdentityVerified(key, "430626********0000", "H-" + key, township, village,
                "ACTIVE", 1980, Instant.now()));
        if (enrolled) {
            publish("entitlement-changed", new EntitlementChanged(key, YEAR, 1, "PAID", false,
                    OffsetDateTime.parse("2035-10-0" + (1 + key.length() % 3) + "T10:00:00+08:00"), BigDecimal.ZERO,
                    new BigDecimal("380.00"), new BigDecimal("380.00")));
        }
    }

    private static JsonPath progress(String parent) {
        return given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/" + YEAR + "/progress" + (parent == null ? "" : "?parent=" + parent))
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void progressWalksEveryLevelWithTargetsRolledUp() throws Exception {
        given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                .body(TABLE.getBytes(StandardCharsets.UTF_8)).put("/api/v1/campaigns/" + YEAR).then().statusCode(200);
        person("hier-1", "层甲镇", null, true);
        person("hier-22", "层乙镇", null, true);
        person("hier-333", "层丙镇", "层丙一村", true);
        person("hier-4", "层丙镇", "层丙一村", false);
        for (int i = 0; i < 100 && progress(null).getInt("total.enrolled") < 3; i++) {
            Thread.sleep(200);
        }
        JsonPath top = progress(null);
        assertEquals(List.of("层湘市"), top.getList("units.name"));
        assertEquals(177, top.getInt("units[0].target"), "87 (97 % of 100 − 10) + 50 + 40");
        assertEquals(3, top.getInt("units[0].enrolled"));

        JsonPath city = progress("层湘市");
        assertEquals(List.of("层平县", "层艾县"), city.getList("units.name"));
        assertEquals(List.of(137, 40), city.getList("units.target"));
        assertEquals(List.of(2, 1), city.getList("units.enrolled"));

        JsonPath county = progress("层平县");
        assertEquals(List.of("层甲镇", "层乙镇"), county.getList("units.name"));
        assertEquals(List.of(87, 50), county.getList("units.target"));

        JsonPath township = progress("层丙镇");
        assertEquals(List.of("层丙一村"), township.getList("units.name"));
        assertEquals(1, township.getInt("units[0].enrolled"));
        assertEquals(25, township.getInt("units[0].target"));

        JsonPath trend = given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/" + YEAR + "/trend?unit=层平县").then().statusCode(200).extract().jsonPath();
        assertEquals(137, trend.getInt("target"));
        assertEquals(2, trend.getInt("days[-1].cumulative"), trend.prettify());

        given().auth().preemptive().basic("admin", "admin").contentType("text/csv")
                .body("unit_name,unit_kind,parent,target\n甲镇,township,无此县,5\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/" + (YEAR + 1)).then().statusCode(400);
    }
}

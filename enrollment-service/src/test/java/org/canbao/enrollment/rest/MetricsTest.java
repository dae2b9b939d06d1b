package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.LocalInfraResource;
import org.junit.jupiter.api.Test;

/** What a batch did shows in the metrics on the management port, and so do the relay's backlog and the consumers' lag. */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class MetricsTest {
    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private static final String LINES = "canbao_batch_lines_total{endpoint=\"/api/v1/residents\",outcome=\"%s\",source=\"public-security\"}";

    private static String line(IdNumber id, String name) {
        return "{\"idNumber\":\"" + id.value() + "\",\"name\":\"" + name + "\",\"householdId\":\"M1\",\"township\":\"梅仙镇\"}";
    }

    @Test
    void aBatchCountsItsAcceptedDuplicateAndRejectedLinesUnderItsEndpointAndSource() {
        IdNumber sun = IdNumber.of("430626", LocalDate.of(1958, 4, 9), 611);
        IdNumber zhou = IdNumber.of("430626", LocalDate.of(1983, 10, 21), 612);
        IdNumber wu = IdNumber.of("430626", LocalDate.of(2010, 1, 3), 613);
        String batch = String.join("\n", line(sun, "孙一"), "not json", line(zhou, "周二"),
                "{\"idNumber\":\"430626\",\"name\":\"短号\",\"householdId\":\"M1\",\"township\":\"梅仙镇\"}", line(wu, "吴三"));
        String before = metrics();
        double accepted = value(before, LINES.formatted("accepted"));
        double duplicates = value(before, LINES.formatted("duplicate"));
        double rejected = value(before, LINES.formatted("rejected"));
        double feedLines = value(before, "canbao_batch_lines_total{endpoint=\"/api/v1/residents\",outcome=\"accepted\",source=\"civil-affairs\"}");

        post(batch).body("accepted", equalTo(3)).body("rejected", hasSize(2));
        String after = metrics();
        assertEquals(accepted + 3, value(after, LINES.formatted("accepted")), after);
        assertEquals(duplicates, value(after, LINES.formatted("duplicate")), after);
        assertEquals(rejected + 2, value(after, LINES.formatted("rejected")), after);

        post(line(sun, "孙一")).body("duplicates", equalTo(1));
        String again = metrics();
        assertEquals(accepted + 3, value(again, LINES.formatted("accepted")), again);
        assertEquals(duplicates + 1, value(again, LINES.formatted("duplicate")), again);
        assertEquals(rejected + 2, value(again, LINES.formatted("rejected")), again);
        assertEquals(feedLines, value(again, "canbao_batch_lines_total{endpoint=\"/api/v1/residents\",outcome=\"accepted\",source=\"civil-affairs\"}"),
                "another source's series did not move");
    }

    @Test
    void theRelayBacklogAndTheConsumersLagAreGauges() throws InterruptedException {
        String backlog = "canbao_relay_backlog ";
        String lag = "canbao_consumer_lag{group=\"enrollment-service\",topic=\"campaign-defined\"}";
        String metrics = metrics();
        // the relay counts every 15 s and the lag is measured every 15 s, the first times a few seconds after start
        for (int i = 0; i < 60 && !(metrics.contains(backlog) && metrics.contains(lag)); i++) {
            Thread.sleep(500);
            metrics = metrics();
        }
        assertTrue(metrics.contains("# TYPE canbao_relay_backlog gauge"), metrics);
        assertTrue(metrics.contains(lag), metrics);
        assertTrue(value(metrics, "canbao_relay_backlog") >= 0, metrics);
    }

    private io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().preemptive().basic("public-security", "public-security")
                .contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/residents").then().statusCode(200);
    }

    private String metrics() {
        return given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** A series' value in the Prometheus text, 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

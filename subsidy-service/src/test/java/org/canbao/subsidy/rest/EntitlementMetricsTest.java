package org.canbao.subsidy.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.canbao.platform.config.Pseudonymizer;
import org.junit.jupiter.api.Test;

/** An entitlement that changes counts under the state it changed to. */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class EntitlementMetricsTest {
    /** EntitlementResourceTest's policy, word for word: the two may share one application and its database. */
    private static final String POLICY = """
            {"tiers":[{"tier":1,"contribution":"350.00"}],
             "subsidies":[{"category":"EXTREME_POVERTY","rule":"FULL"},{"category":"MINIMUM_LIVING","rule":"HALF"}],
             "window":{"opens":"2022-09-01","closes":"2022-12-31"},"baseListDate":"2022-08-31"}
            """;
    private static final String ZERO_PAYMENT = "canbao_entitlements_changed_total{state=\"ZERO_PAYMENT\"}";

    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject
    Pseudonymizer pseudonymizer;

    @Test
    void aFullySubsidisedPersonCountsAsAZeroPaymentChange() throws InterruptedException {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(POLICY)
                .put("/api/v1/policies/2023").then().statusCode(200);
        double before = value(metrics(), ZERO_PAYMENT);
        IdNumber id = IdNumber.of("430626", LocalDate.of(1949, 10, 1), 731);
        String key = pseudonymizer.personKey(id);
        TopicWriter.send(TestInfra.broker().bootstrapServers(), "status-changed", key,
                EventCodec.write(EventCodec.envelope("/test", new StatusChanged(key, "civil-affairs", "EXTREME_POVERTY",
                        StatusChanged.Change.ADDED, LocalDate.of(2022, 9, 20), Instant.now()))));
        double after = before;
        for (int i = 0; i < 60 && after == before; i++) {
            Thread.sleep(500);
            after = value(metrics(), ZERO_PAYMENT);
        }
        assertTrue(after >= before + 1, "before " + before + ", after " + after);
    }

    private String metrics() {
        return given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

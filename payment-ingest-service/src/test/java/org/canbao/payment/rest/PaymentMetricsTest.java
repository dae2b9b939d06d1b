package org.canbao.payment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Payments are counted by channel, and the tax bureau's batch by its lines' outcome. */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class PaymentMetricsTest {
    private static final IdNumber PAYER = IdNumber.of("430626", LocalDate.of(1979, 8, 8), 515);
    private static final String WECHAT = "canbao_payments_received_total{channel=\"WECHAT\"}";
    private static final String CASH = "canbao_payments_received_total{channel=\"CASH\"}";
    private static final String REJECTED = "canbao_batch_lines_total{endpoint=\"/api/v1/payments\",outcome=\"rejected\",source=\"tax\"}";

    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private static String line(String receipt, String channel) {
        return "{\"receiptId\":\"" + receipt + "\",\"idNumber\":\"" + PAYER.value() + "\",\"policyYear\":2023,"
                + "\"amount\":\"350.00\",\"channel\":\"" + channel + "\",\"paidAt\":\"2022-10-08T09:00:00+08:00\"}";
    }

    @Test
    void eachRecordedPaymentCountsUnderItsChannelOnce() {
        String before = metrics();
        String batch = String.join("\n", line("M-1", "WECHAT"), line("M-2", "WECHAT"), line("M-3", "CASH"),
                "{\"receiptId\":\"M-4\"}");
        given().auth().preemptive().basic("tax", "tax").contentType("application/x-ndjson")
                .body(batch.getBytes(StandardCharsets.UTF_8)).post("/api/v1/payments")
                .then().statusCode(200).body("accepted", equalTo(3));
        given().auth().preemptive().basic("tax", "tax").contentType("application/x-ndjson")
                .body(batch.getBytes(StandardCharsets.UTF_8)).post("/api/v1/payments")
                .then().statusCode(200).body("duplicates", equalTo(3));
        String after = metrics();
        assertEquals(value(before, WECHAT) + 2, value(after, WECHAT), after);
        assertEquals(value(before, CASH) + 1, value(after, CASH), after);
        assertEquals(value(before, REJECTED) + 2, value(after, REJECTED), "the bad line, once per sending");
    }

    private String metrics() {
        return given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

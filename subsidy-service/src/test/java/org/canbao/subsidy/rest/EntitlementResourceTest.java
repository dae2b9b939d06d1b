package org.canbao.subsidy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.canbao.infra.TopicWriter;
import org.canbao.platform.config.Pseudonymizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class EntitlementResourceTest {
    private static final String POLICY = """
            {"tiers":[{"tier":1,"contribution":"350.00"}],
             "subsidies":[{"category":"EXTREME_POVERTY","rule":"FULL"},{"category":"MINIMUM_LIVING","rule":"HALF"}],
             "window":{"opens":"2022-09-01","closes":"2022-12-31"},"baseListDate":"2022-08-31"}
            """;

    @Inject
    Pseudonymizer pseudonymizer;

    @BeforeEach
    void policy() {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(POLICY)
                .put("/api/v1/policies/2023").then().statusCode(200);
    }

    private static void publish(String topic, String key, CanbaoEvent event) {
        TopicWriter.send(TestInfra.broker().bootstrapServers(), topic, key,
                EventCodec.write(EventCodec.envelope("/test", event)));
    }

    private static ValidatableResponse entitlement(IdNumber id) {
        return given().auth().preemptive().basic("medical-insurance", "medical-insurance")
                .get("/api/v1/entitlements/" + id.value() + "?policyYear=2023").then();
    }

    private static void awaitState(IdNumber id, String state) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (state.equals(entitlement(id).extract().path("state"))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        entitlement(id).body("state", equalTo(state));
    }

    @Test
    void aRedeliveredPaymentIsCountedOnce() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1966, 6, 6), 101);
        String key = pseudonymizer.personKey(id);
        publish("status-changed", key, new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING",
                StatusChanged.Change.ADDED, LocalDate.of(2022, 8, 31), Instant.now()));
        String payment = EventCodec.write(EventCodec.envelope("/test", new PaymentReceived(key, "R-101", 2023, 1,
                new BigDecimal("175.00"), "WECHAT", OffsetDateTime.parse("2022-10-01T08:00:00+08:00"), null, Instant.now())));
        TopicWriter.send(TestInfra.broker().bootstrapServers(), "payment-received", key, payment, payment);

        awaitState(id, "PAID");
        entitlement(id).body("paid", equalTo("175.00")).body("subsidy", equalTo("175.00"))
                .body("personalDue", equalTo("175.00")).body("coveredFrom", equalTo("2023-01-01"))
                .body("idNumber", equalTo(id.masked()))
                .body("decision", containsString("MINIMUM_LIVING (civil-affairs, from 2022-08-31)"))
                .body("explanation.rule", containsString("MINIMUM_LIVING (recognised by civil-affairs from 2022-08-31)"))
                .body("explanation.categories[0].chosen", equalTo(true))
                .body("explanation.payments.receiptId", contains("R-101"))
                .body("explanation.payments[0].amount", equalTo("175.00"));
        assertFalse(entitlement(id).extract().asString().contains(id.value()));

        List<EntitlementChanged> changes = entitlementEvents(key, list -> list.stream().anyMatch(e -> e.state().equals("PAID")));
        assertEquals("PAID", changes.get(changes.size() - 1).state());
        assertEquals(OffsetDateTime.parse("2022-10-01T08:00:00+08:00").toInstant(), changes.get(changes.size() - 1).enrolledAt().toInstant());
    }

    @Test
    void extremePovertyIsEnrolledWithZeroPaymentAndToldToReporting() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1939, 1, 9), 3);
        String key = pseudonymizer.personKey(id);
        publish("status-changed", key, new StatusChanged(key, "civil-affairs", "EXTREME_POVERTY",
                StatusChanged.Change.ADDED, LocalDate.of(2022, 9, 20), Instant.now()));
        awaitState(id, "ZERO_PAYMENT");
        entitlement(id).body("personalDue", equalTo("0.00"));
        List<EntitlementChanged> changes = entitlementEvents(key, list -> !list.isEmpty());
        assertEquals(true, changes.get(0).hardship());
    }

    @Test
    void aRetroactiveSubsidyIsOwedWhenRecognisedAfterPayingInFull() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1977, 7, 7), 55);
        String key = pseudonymizer.personKey(id);
        publish("payment-received", key, new PaymentReceived(key, "R-55", 2023, 1, new BigDecimal("350.00"), "APP",
                OffsetDateTime.parse("2022-09-05T08:00:00+08:00"), null, Instant.now()));
        awaitState(id, "PAID");
        publish("status-changed", key, new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING",
                StatusChanged.Change.ADDED, LocalDate.of(2022, 10, 15), Instant.now()));
        awaitState(id, "OVERPAID");
        entitlement(id).body("retroactiveSubsidyDue", equalTo("175.00")).body("refundDue", equalTo("0.00"));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/ledger/2023").then().statusCode(200)
                .body("retroactiveSubsidiesDue.persons", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("byCategory.find { it.category == 'MINIMUM_LIVING' }.fundingSource", equalTo("FINANCE"));
    }

    @Test
    void aReversedPaymentNoLongerCounts() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1988, 8, 8), 88);
        String key = pseudonymizer.personKey(id);
        publish("payment-received", key, new PaymentReceived(key, "R-88", 2023, 1, new BigDecimal("350.00"), "POS",
                OffsetDateTime.parse("2022-09-06T08:00:00+08:00"), null, Instant.now()));
        awaitState(id, "PAID");
        publish("payment-reversed", key, new PaymentReversed(key, "R-88", 2023, new BigDecimal("350.00"),
                OffsetDateTime.parse("2022-09-08T08:00:00+08:00"), "bank return", Instant.now()));
        awaitState(id, "UNPAID");
        entitlement(id).body("paid", equalTo("0.00"))
                .body("explanation.payments[0].receiptId", equalTo("R-88"))
                .body("explanation.payments[0].counted", equalTo(false))
                .body("explanation.rule", containsString("receipt R-88 of 350.00"));
    }

    @Test
    void anEventFromANewerSchemaIsSkippedAndTheEventsBehindItStillCount() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1999, 9, 9), 99);
        String key = pseudonymizer.personKey(id);
        EventEnvelope current = EventCodec.envelope("/test", new StatusChanged(key, "civil-affairs", "EXTREME_POVERTY",
                StatusChanged.Change.ADDED, LocalDate.of(2022, 9, 1), Instant.now()));
        EventEnvelope future = new EventEnvelope(current.specversion(), current.id(), current.source(), current.type(),
                current.subject(), current.time(), current.datacontenttype(), 99, null, null, null, current.data());
        TopicWriter.send(TestInfra.broker().bootstrapServers(), "status-changed", key, EventCodec.write(future), "not an event");
        publish("payment-received", key, new PaymentReceived(key, "R-99", 2023, 1, new BigDecimal("350.00"), "POS",
                OffsetDateTime.parse("2022-09-06T08:00:00+08:00"), null, Instant.now()));
        awaitState(id, "PAID");
        publish("status-changed", key, new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING",
                StatusChanged.Change.ADDED, LocalDate.of(2022, 9, 1), Instant.now()));
        awaitState(id, "OVERPAID");
        entitlement(id).body("categories", contains("MINIMUM_LIVING"));
    }

    @Test
    void aBadPolicyIsRefusedWithAReason() {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body("{\"tiers\":[{\"tier\":1,\"contribution\":\"three hundred\"}]}")
                .put("/api/v1/policies/2024").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("请求有误")).body("code", equalTo("policy.not-amount"))
                .body("detail", equalTo("“tiers[1].contribution”的值“three hundred”不是以元为单位的金额，例如 350.00"));
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").header("Accept-Language", "en")
                .body("{\"tiers\":[{\"tier\":1,\"contribution\":\"three hundred\"}]}")
                .put("/api/v1/policies/2024").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request")).body("code", equalTo("policy.not-amount"))
                .body("detail", equalTo("tiers[1].contribution 'three hundred' is not an amount in yuan such as 350.00"));
        refused("{\"tiers\":[{\"tier\":1,\"contribution\":\"350.00\"}],\"benefitStartRule\":\"NEXT_MONTH\"}",
                "unknown field 'benefitStartRule' (known: afterWindow, baseListDate, benefitRules, benefitStart, categories, contribution, crossRegionStandard, fiscalShare, refundAfterPayment, region, statusValidity, subsidies, subsidyTable, tiers, window)");
        refused("{\"tiers\":[{\"tier\":-1,\"contribution\":\"350.00\"}]}", "tier -1 is no tier: tiers are numbered from 1");
        refused("{\"tiers\":[{\"tier\":1,\"contribution\":\"350.00\"},{\"tier\":1,\"contribution\":\"380.00\"}]}",
                "tier 1 is given twice");
        refused("{\"contribution\":\"350.00\",\"subsidies\":[{\"category\":\"MINIMUM_LIVING\",\"rule\":\"HALF\"},"
                + "{\"category\":\"MINIMUM_LIVING\",\"rule\":\"FULL\"}]}", "two subsidies for MINIMUM_LIVING at every tier: give one");
        refused("{\"contribution\":\"350.00\",\"subsidies\":[{\"category\":\"STABLE_EX_POOR\",\"rule\":\"FIXED\",\"amount\":\"500.00\"}]}",
                "the subsidy of 500.00 for STABLE_EX_POOR at every tier is more than the contribution of 350.00");
        refused("{\"contribution\":\"350.00\",\"subsidies\":[{\"category\":\"STABLE_EX_POOR\",\"tier\":2,\"rule\":\"FULL\"}]}",
                "the subsidy for STABLE_EX_POOR names tier 2, which has no contribution in this policy");
        given().auth().preemptive().basic("admin", "admin").get("/api/v1/policies/2024").then().statusCode(404);
        given().auth().preemptive().basic("supervisor", "supervisor").contentType("application/json").body(POLICY)
                .put("/api/v1/policies/2024").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("无权操作")).body("code", equalTo("http.403.detail"));
        given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/entitlements/430626196606061019?policyYear=2023").then().statusCode(400)
                .body("code", equalTo("id-number.check-digit")).body("detail", equalTo("身份证号码校验位错误"));
        given().auth().preemptive().basic("supervisor", "supervisor").header("Accept-Language", "en")
                .get("/api/v1/entitlements/430626196606061019?policyYear=2023").then().statusCode(400)
                .body("code", equalTo("id-number.check-digit")).body("detail", equalTo("id number check digit"));
    }

    private static void refused(String policy, String reason) {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").header("Accept-Language", "en")
                .body(policy).put("/api/v1/policies/2024").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo(reason));
    }

    private static List<EntitlementChanged> entitlementEvents(String key, Predicate<List<EntitlementChanged>> done) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "entitlement-changed", seen -> done.test(mine(seen, key)), Duration.ofSeconds(30));
        return mine(records, key);
    }

    private static List<EntitlementChanged> mine(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> EventCodec.payload(EventCodec.read(r.value()), EntitlementChanged.class)).toList();
    }
}

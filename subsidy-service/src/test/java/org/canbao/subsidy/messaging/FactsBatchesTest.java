package org.canbao.subsidy.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventType;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.Batches;
import org.canbao.infra.LocalInfraResource;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.subsidy.persistence.EntitlementEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batches handed to the consumer methods directly, so each list is exactly one batch: several facts for one
 * person, redelivered facts, on the real database; and the entitlement stream they produce.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class FactsBatchesTest {
    private static final String POLICY = """
            {"tiers":[{"tier":1,"contribution":"350.00"}],
             "subsidies":[{"category":"EXTREME_POVERTY","rule":"FULL"},{"category":"MINIMUM_LIVING","rule":"HALF"}],
             "window":{"opens":"2022-09-01","closes":"2022-12-31"},"baseListDate":"2022-08-31"}
            """;

    private static final int LATER = 2041;

    @Inject
    FactsConsumer consumer;

    @Inject
    Pseudonymizer pseudonymizer;

    @Inject
    EventStore store;

    @Inject
    EntityManager em;

    @BeforeEach
    void policy() {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(POLICY)
                .put("/api/v1/policies/2023").then().statusCode(200);
    }

    private static String event(CanbaoEvent event, String stream, long sequence, long previous) {
        return EventCodec.write(EventCodec.envelope("/test", event, stream, sequence, previous));
    }

    private static JsonPath entitlement(IdNumber id) {
        return given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/entitlements/" + id.value() + "?policyYear=2023").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCategoryAddedAndEndedInOneBatchAndAPaymentSentTwiceCountOnce() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1980, 1, 2), 707);
        String key = pseudonymizer.personKey(id);
        consumer.onStatusChanges(Batches.of("status-changed", List.of(
                event(new StatusChanged(key, "civil-affairs", "EXTREME_POVERTY", StatusChanged.Change.ADDED,
                        LocalDate.of(2022, 8, 1), Instant.now()), "person/" + key, 2, 0),
                event(new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.ADDED,
                        LocalDate.of(2022, 8, 1), Instant.now()), "person/" + key, 3, 2),
                event(new StatusChanged(key, "civil-affairs", "EXTREME_POVERTY", StatusChanged.Change.REMOVED,
                        LocalDate.of(2022, 8, 15), Instant.now()), "person/" + key, 4, 3),
                event(new StatusChanged(key, "civil-affairs", "EXTREME_POVERTY", StatusChanged.Change.ADDED,
                        LocalDate.of(2022, 8, 1), Instant.now()), "person/" + key, 2, 0))));
        String paid = event(new PaymentReceived(key, "FB-1", 2023, 1, new BigDecimal("175.00"), "WECHAT",
                OffsetDateTime.parse("2022-10-01T08:00:00+08:00"), null, Instant.now()), "receipt/FB-1", 1, 0);
        String alsoPaid = event(new PaymentReceived(key, "FB-2", 2023, 1, new BigDecimal("175.00"), "POS",
                OffsetDateTime.parse("2022-10-02T08:00:00+08:00"), null, Instant.now()), "receipt/FB-2", 1, 0);
        consumer.onPayments(Batches.of("payment-received", List.of(paid, paid, alsoPaid, paid)));
        consumer.onReversals(Batches.of("payment-reversed", List.of(event(new PaymentReversed(key, "FB-2", 2023, new BigDecimal("175.00"),
                OffsetDateTime.parse("2022-10-03T08:00:00+08:00"), "bank returned it", Instant.now()), "receipt/FB-2", 2, 0))));
        consumer.onPayments(Batches.of("payment-received", List.of(paid, alsoPaid)));

        JsonPath now = entitlement(id);
        assertEquals("175.00", now.getString("subsidy"), "extreme poverty ended before the base list; minimum living is half");
        assertEquals("175.00", now.getString("paid"), "FB-1 once, FB-2 reversed: " + now.prettify());
        assertEquals("PAID", now.getString("state"));

        List<EntitlementChanged> told = QuarkusTransaction.requiringNew().call(() ->
                store.streams(List.of(EntitlementEntity.stream(key, 2023)))).stream()
                .map(e -> (EntitlementChanged) EventType.read(e.payload())).toList();
        assertEquals("PAID", told.get(told.size() - 1).state(), "the stream's last event is the entitlement now");
        for (int i = 1; i < told.size(); i++) {
            assertEquals(false, told.get(i).equals(told.get(i - 1)), "an entitlement event only on a change");
        }
    }

    @Test
    void aStatusCountsInALaterYearOnlyOnceAListOfThatYearRenewsIt() {
        // a year no other test puts a policy for (they share the database)
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(POLICY.replace("2022-09-01", "2040-09-01").replace("2022-12-31", "2040-12-31")
                        .replace("2022-08-31", "2040-08-31"))
                .put("/api/v1/policies/" + LATER).then().statusCode(200);
        IdNumber id = IdNumber.of("430626", LocalDate.of(1981, 3, 4), 808);
        String key = pseudonymizer.personKey(id);
        consumer.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(key, "civil-affairs",
                "MINIMUM_LIVING", StatusChanged.Change.ADDED, LocalDate.of(2022, 8, 1), Instant.now()), "person/" + key, 2, 0))));
        assertEquals("175.00", entitlement(id).getString("subsidy"), "recognised for the 2023 period");
        assertEquals("0.00", entitlement(id, LATER).getString("subsidy"), "2022's recognition does not carry into a later year");

        String renewed = event(new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.RENEWED,
                LocalDate.of(2040, 7, 31), Instant.now()), "person/" + key, 3, 2);
        consumer.onStatusChanges(Batches.of("status-changed", List.of(renewed, renewed)));
        consumer.onStatusChanges(Batches.of("status-changed", List.of(renewed)));
        assertEquals("175.00", entitlement(id, LATER).getString("subsidy"), "that year's base list named it again");
        assertEquals("175.00", entitlement(id).getString("subsidy"));

        consumer.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(key, "civil-affairs",
                "MINIMUM_LIVING", StatusChanged.Change.REMOVED, LocalDate.of(2040, 8, 15), Instant.now()), "person/" + key, 4, 3))));
        assertEquals("0.00", entitlement(id, LATER).getString("subsidy"), "ended before that base list: both spells end");
    }

    @Test
    void aRebuildFromTheStoreWritesTheRowsTheConsumersWrote() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1982, 5, 6), 909);
        String key = pseudonymizer.personKey(id);
        consumer.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(key, "civil-affairs",
                "MINIMUM_LIVING", StatusChanged.Change.ADDED, LocalDate.of(2022, 8, 1), Instant.now()), "person/" + key, 2, 0))));
        consumer.onPayments(Batches.of("payment-received", List.of(event(new PaymentReceived(key, "FB-909", 2023, 1,
                new BigDecimal("175.00"), "WECHAT", OffsetDateTime.parse("2022-10-01T08:00:00+08:00"), null, Instant.now()),
                "receipt/FB-909", 1, 0))));
        List<String> before = entitlementRows();
        assertTrue(before.contains(key + "|2023|1|PAID|t|175.00|175.00|175.00|2022-10-01 00:00:00+00|MINIMUM_LIVING|0.00|0.00|default"),
                "the consumers' row: " + before);

        given().auth().preemptive().basic("admin", "admin").post("/api/v1/admin/rebuild").then().statusCode(200);
        assertEquals(before, entitlementRows(), "the rows rebuilt from the entitlement streams");
    }

    @SuppressWarnings("unchecked")
    private List<String> entitlementRows() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select concat_ws('|', person_key, "
                + "policy_year, tier, state, hardship, subsidy, personal_due, paid, enrolled_at at time zone 'UTC' || '+00', "
                + "granting_category, retroactive_due, refund_due, region) from entitlement order by person_key, policy_year")
                .getResultList());
    }

    private static JsonPath entitlement(IdNumber id, int year) {
        return given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/entitlements/" + id.value() + "?policyYear=" + year).then().statusCode(200).extract().jsonPath();
    }
}

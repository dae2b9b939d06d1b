package org.canbao.subsidy.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.Batches;
import org.canbao.infra.LocalInfraResource;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.subsidy.persistence.EntitlementEntity;
import org.junit.jupiter.api.Test;

/**
 * A person's pooling region follows from where they live and which region's campaign holds that unit: batches of
 * identity-verified and campaign-defined handed to the consumer directly (several versions of one stream in one
 * batch, an older one redelivered after a newer, the whole batch replayed), on the real database.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class PlacesBatchesTest {
    private static final String DEFAULT_POLICY = """
            {"contribution":"350.00","subsidies":[{"category":"MINIMUM_LIVING","rule":"HALF"}],
             "window":{"opens":"2022-09-01","closes":"2022-12-31"},"baseListDate":"2022-08-31"}
            """;
    private static final String OTHER_POLICY = """
            {"contribution":"400.00","subsidies":[{"category":"MINIMUM_LIVING","rule":"FIXED","amount":"300.00"}],
             "window":{"opens":"2022-09-01","closes":"2022-12-31"},"baseListDate":"2022-08-31"}
            """;

    @Inject
    PlacesConsumer places;

    @Inject
    FactsConsumer facts;

    @Inject
    Pseudonymizer pseudonymizer;

    @Inject
    EventStore store;

    private static String event(CanbaoEvent event, String stream, long sequence, long previous) {
        return EventCodec.write(EventCodec.envelope("/test", event, stream, sequence, previous));
    }

    private static JsonPath entitlement(IdNumber id) {
        return given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/entitlements/" + id.value() + "?policyYear=2023").then().statusCode(200).extract().jsonPath();
    }

    private static IdentityVerified livingIn(String key, String township) {
        return new IdentityVerified(key, "430626********0000", "H", township, null, "ACTIVE", 1975, Instant.now());
    }

    @Test
    void aPersonIsDecidedByTheRegionOfTheUnitTheyLiveIn() {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(DEFAULT_POLICY)
                .put("/api/v1/policies/2023").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(OTHER_POLICY)
                .put("/api/v1/regions/placestest/policies/2023").then().statusCode(200);
        IdNumber id = IdNumber.of("430626", LocalDate.of(1975, 5, 6), 909);
        String key = pseudonymizer.personKey(id);
        facts.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(key, "civil-affairs",
                "MINIMUM_LIVING", StatusChanged.Change.ADDED, LocalDate.of(2022, 8, 1), Instant.now()), "person/" + key, 2, 0))));
        assertEquals("175.00", entitlement(id).getString("subsidy"), "where they live is not known yet: the default region");

        String units1 = event(new CampaignDefined(2023, List.of(new CampaignDefined.Unit("乙镇甲", "township", 10)), "placestest"),
                "campaign/placestest/2023", 1, 0);
        String units2 = event(new CampaignDefined(2023, List.of(new CampaignDefined.Unit("乙镇甲", "township", 10),
                new CampaignDefined.Unit("丙镇甲", "township", 10)), "placestest"), "campaign/placestest/2023", 2, 1);
        List<String> campaigns = List.of(units1, units2, units1);
        places.onCampaigns(Batches.of("campaign-defined", campaigns));
        String first = event(livingIn(key, "甲镇甲"), "person/" + key, 1, 0);
        String moved = event(livingIn(key, "丙镇甲"), "person/" + key, 5, 1);
        List<String> identities = List.of(first, moved, first);
        places.onIdentities(Batches.of("identity-verified", identities));

        JsonPath there = entitlement(id);
        assertEquals("placestest", there.getString("region"), there.prettify());
        assertEquals("300.00", there.getString("subsidy"), "the unit of the second definition, after the redelivered first");
        assertEquals("100.00", there.getString("personalDue"));
        JsonPath ledger = given().auth().preemptive().basic("admin", "admin").get("/api/v1/regions/placestest/ledger/2023")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, ledger.getInt("pendingSubsidies.persons"));
        assertEquals("300.00", ledger.getString("pendingSubsidies.amount"));

        int told = QuarkusTransaction.requiringNew().call(() -> store.streams(List.of(EntitlementEntity.stream(key, 2023)))).size();
        places.onCampaigns(Batches.of("campaign-defined", campaigns));
        places.onIdentities(Batches.of("identity-verified", identities));
        assertEquals(told, QuarkusTransaction.requiringNew().call(() -> store.streams(List.of(EntitlementEntity.stream(key, 2023)))).size(),
                "a replay changes nothing");
        assertEquals("300.00", entitlement(id).getString("subsidy"));

        places.onIdentities(Batches.of("identity-verified", List.of(event(livingIn(key, "丁镇甲"), "person/" + key, 6, 5))));
        JsonPath back = entitlement(id);
        assertEquals("175.00", back.getString("subsidy"), "a unit no campaign holds: the default region again");
        assertEquals("default", back.getString("region"));
    }

    @Test
    void whatIfAnswersWhoGainsWithoutChangingAnything() {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(DEFAULT_POLICY)
                .put("/api/v1/policies/2023").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(DEFAULT_POLICY)
                .put("/api/v1/regions/whatiftest/policies/2023").then().statusCode(200);
        places.onCampaigns(Batches.of("campaign-defined", List.of(event(new CampaignDefined(2023,
                List.of(new CampaignDefined.Unit("戊镇甲", "township", 10)), "whatiftest"), "campaign/whatiftest/2023", 1, 0))));
        IdNumber poor = IdNumber.of("430626", LocalDate.of(1966, 2, 3), 911);
        IdNumber paying = IdNumber.of("430626", LocalDate.of(1967, 2, 3), 913);
        String poorKey = pseudonymizer.personKey(poor);
        String payingKey = pseudonymizer.personKey(paying);
        places.onIdentities(Batches.of("identity-verified", List.of(
                event(new IdentityVerified(poorKey, poor.masked(), "H", "戊镇甲", null, "ACTIVE", 1966, Instant.now()), "person/" + poorKey, 1, 0),
                event(new IdentityVerified(payingKey, paying.masked(), "H", "戊镇甲", null, "ACTIVE", 1967, Instant.now()), "person/" + payingKey, 1, 0))));
        facts.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(poorKey, "civil-affairs",
                "MINIMUM_LIVING", StatusChanged.Change.ADDED, LocalDate.of(2022, 8, 1), Instant.now()), "person/" + poorKey, 2, 0))));
        facts.onPayments(Batches.of("payment-received", List.of(event(new org.canbao.contracts.PaymentReceived(payingKey, "WI-1",
                2023, 1, new java.math.BigDecimal("350.00"), "WECHAT", java.time.OffsetDateTime.parse("2022-10-01T08:00:00+08:00"),
                null, Instant.now()), "receipt/WI-1", 1, 0))));

        JsonPath answer = given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(DEFAULT_POLICY.replace("HALF", "FULL")).post("/api/v1/regions/whatiftest/policies/2023/what-if")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, answer.getInt("persons"), answer.prettify());
        assertEquals(1, answer.getInt("gaining"));
        assertEquals(0, answer.getInt("losing"));
        assertEquals("MINIMUM_LIVING", answer.getString("byCategory[0].name"));
        assertEquals("175.00", answer.getString("byCategory[0].subsidyChange"));
        assertEquals("戊镇甲", answer.getString("byUnit[0].name"));
        assertEquals("175.00", answer.getString("before.pendingSubsidies.amount"));
        assertEquals(0, answer.getInt("after.pendingSubsidies.persons"), "fully subsidised: registered at zero payment");
        assertEquals("350.00", answer.getString("after.enrolledSubsidies.amount"));
        assertEquals(poor.masked(), answer.getString("firstPersons[0].idNumber"));
        assertEquals("0.00", answer.getString("firstPersons[0].personalDueAfter"));
        assertEquals(false, answer.prettify().contains(poor.value()), "never a full ID number");
        assertEquals("175.00", entitlement(poor).getString("subsidy"), "the policy in force is unchanged");
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("{\"contribution\":\"x\"}")
                .post("/api/v1/regions/whatiftest/policies/2023/what-if").then().statusCode(400);
    }
}

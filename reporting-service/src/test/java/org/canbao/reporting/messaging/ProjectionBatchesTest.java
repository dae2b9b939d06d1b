package org.canbao.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.Batches;
import org.canbao.infra.LocalInfraResource;
import org.canbao.reporting.persistence.CoverageCounts;
import org.canbao.reporting.persistence.CoverageCounts.PlaceCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batches as a replay or a burst brings them, handed to the consumer methods directly so that each list is
 * exactly one batch: several events for one key, duplicates, late and early events, on the real database.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class ProjectionBatchesTest {
    private static final int YEAR = 2026;
    private static final String CAMPAIGN = "{\"units\":[{\"name\":\"甲村\",\"kind\":\"village\",\"target\":4},"
            + "{\"name\":\"乙村\",\"kind\":\"village\",\"target\":4}]}";

    @Inject
    ProjectionConsumer consumer;

    @Inject
    CoverageCounts counts;

    @BeforeEach
    void campaign() {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(CAMPAIGN.getBytes(StandardCharsets.UTF_8)).put("/api/v1/campaigns/" + YEAR).then().statusCode(200);
    }

    private static String event(CanbaoEvent event, String stream, long sequence, long previous) {
        return EventCodec.write(EventCodec.envelope("/test", event, stream, sequence, previous));
    }

    private static String identity(String key, String village, long sequence) {
        return event(new IdentityVerified(key, "430626********0000", "H-" + key, "批次镇", village, "ACTIVE", 1980,
                Instant.now()), "person/" + key, sequence, sequence - 1);
    }

    private static String entitlement(String key, String state, String enrolledAt, long sequence) {
        return event(new EntitlementChanged(key, YEAR, 1, state, false,
                enrolledAt == null ? null : OffsetDateTime.parse(enrolledAt), BigDecimal.ZERO, new BigDecimal("350.00"),
                "PAID".equals(state) ? new BigDecimal("350.00") : BigDecimal.ZERO), "entitlement/" + key + "/" + YEAR,
                sequence, sequence - 1);
    }

    private static JsonPath progress() {
        return progress("");
    }

    private static JsonPath progress(String query) {
        return given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/campaigns/" + YEAR + "/progress" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int enrolled(String unit) {
        return progress().getInt("units.find { it.name == '" + unit + "' }.enrolled");
    }

    @Test
    void severalEventsForOneKeyInOneBatchLeaveTheLastOneForEveryProjection() {
        consumer.onIdentities(Batches.of("identity-verified", List.of(identity("b1", "甲村", 1), identity("b1", "乙村", 2), identity("b1", "甲村", 1),
                identity("b2", "甲村", 1))));
        consumer.onStatusChanges(Batches.of("status-changed", List.of(
                event(new StatusChanged("b1", "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.ADDED,
                        LocalDate.of(2025, 8, 31), Instant.now()), "person/b1", 3, 0),
                event(new StatusChanged("b1", "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.REMOVED,
                        LocalDate.of(2025, 9, 30), Instant.now()), "person/b1", 4, 3),
                event(new StatusChanged("b2", "civil-affairs", "EXTREME_POVERTY", StatusChanged.Change.ADDED,
                        LocalDate.of(2025, 8, 31), Instant.now()), "person/b2", 2, 0))));
        consumer.onEntitlements(Batches.of("entitlement-changed", List.of(entitlement("b1", "UNPAID", null, 1),
                entitlement("b1", "PAID", "2025-10-08T09:30:00+08:00", 2), entitlement("b1", "UNPAID", null, 1),
                entitlement("b2", "PAID", "2025-10-09T09:30:00+08:00", 1), entitlement("b2", "PARTIAL", null, 2))));
        consumer.onExclusions(Batches.of("person-excluded", List.of(
                event(new PersonExcluded("b3", YEAR, "EMPLOYEE_INSURED", Instant.now()), "person/b3", 1, 0),
                event(new PersonExcluded("b3", YEAR, "ENROLLED_ELSEWHERE", Instant.now()), "person/b3", 2, 1))));

        JsonPath progress = progress();
        assertEquals(1, enrolled("乙村"), progress.prettify());
        assertEquals(0, enrolled("甲村"), "b2's last entitlement is PARTIAL: " + progress.prettify());
        assertEquals(1, progress.getInt("total.hardship.total"), "b1's spell ended, b2's is open: " + progress.prettify());
    }

    @Test
    void aRedeliveredOrReplayedBatchChangesNothing() {
        List<String> identities = List.of(identity("r1", "甲村", 1), identity("r2", "甲村", 1));
        consumer.onIdentities(Batches.of("identity-verified", identities));
        List<String> coverage = List.of(entitlement("r1", "PAID", "2025-10-08T09:30:00+08:00", 1),
                entitlement("r2", "PAID", "2025-10-08T09:30:00+08:00", 1),
                entitlement("r2", "UNPAID", null, 2));
        consumer.onEntitlements(Batches.of("entitlement-changed", coverage));
        String asOf = "?asOf=2025-12-31";
        String before = progress(asOf).prettify();
        consumer.onIdentities(Batches.of("identity-verified", identities));
        consumer.onEntitlements(Batches.of("entitlement-changed", coverage));
        consumer.onEntitlements(Batches.of("entitlement-changed", List.of(coverage.get(2), coverage.get(1), coverage.get(0))));
        assertEquals(before, progress(asOf).prettify());
    }

    @Test
    void anEventAfterAGapWaitsForTheOneThatFillsItAndALateOneChangesNothing() {
        consumer.onIdentities(Batches.of("identity-verified", List.of(identity("g1", "乙村", 1))));
        int before = enrolled("乙村");
        String v1 = entitlement("g1", "UNPAID", null, 1);
        String v2 = entitlement("g1", "PAID", "2025-10-08T09:30:00+08:00", 2);
        String v3 = entitlement("g1", "UNPAID", null, 3);
        consumer.onEntitlements(Batches.of("entitlement-changed", List.of(v2)));
        assertEquals(before, enrolled("乙村"), "version 2 waits for version 1, it is not guessed");
        consumer.onEntitlements(Batches.of("entitlement-changed", List.of(v1)));
        assertEquals(before + 1, enrolled("乙村"), "version 1 filled the gap and the parked version 2 followed it");
        consumer.onEntitlements(Batches.of("entitlement-changed", List.of(v3)));
        assertEquals(before, enrolled("乙村"));
        consumer.onEntitlements(Batches.of("entitlement-changed", List.of(v2, v1)));
        assertEquals(before, enrolled("乙村"), "late versions 1 and 2 change nothing");
    }

    /**
     * Live progress reads counters the batches keep; they must equal the aggregate over every person after any mix:
     * moves between villages, spells opened and closed, exclusions, several versions of one key in a batch, and
     * batches delivered twice or replayed out of order.
     */
    @Test
    void liveCountersEqualTheAggregateAfterAnyMixOfBatches() {
        QuarkusTransaction.requiringNew().call(() -> counts.now(YEAR));
        Random random = new Random(8);
        List<String> villages = List.of("甲村", "乙村", "丙村");
        long[] person = new long[40];
        long[][] previous = new long[40][3];
        long[] entitlement = new long[40];
        for (int round = 0; round < 6; round++) {
            List<String> identities = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            List<String> coverage = new ArrayList<>();
            List<String> exclusions = new ArrayList<>();
            for (int i = 0; i < person.length; i++) {
                String key = "lc" + i;
                int events = random.nextInt(3);
                for (int e = 0; e < events; e++) {
                    switch (random.nextInt(10) / 3) { // an exclusion one time in ten: it lasts the year
                        case 0 -> identities.add(event(new IdentityVerified(key, "430626********0000", "H-" + key, "批次镇",
                                villages.get(random.nextInt(3)), "ACTIVE", 1980, Instant.now()), "person/" + key,
                                ++person[i], follow(previous[i], 0, person[i])));
                        case 1 -> statuses.add(event(new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING",
                                random.nextBoolean() ? StatusChanged.Change.ADDED : StatusChanged.Change.REMOVED,
                                LocalDate.of(2025, 9, 1 + round), Instant.now()), "person/" + key, ++person[i],
                                follow(previous[i], 1, person[i])));
                        case 2 -> {
                            entitlement[i]++;
                            coverage.add(entitlement(key, random.nextBoolean() ? "PAID" : "UNPAID",
                                    random.nextBoolean() ? "2025-10-08T09:30:00+08:00" : null, entitlement[i]));
                        }
                        default -> exclusions.add(event(new PersonExcluded(key, YEAR, "EMPLOYEE_INSURED", Instant.now()),
                                "person/" + key, ++person[i], follow(previous[i], 2, person[i])));
                    }
                }
            }
            for (int delivery = 0; delivery < 2; delivery++) {
                consumer.onIdentities(Batches.of("identity-verified", identities));
                consumer.onStatusChanges(Batches.of("status-changed", statuses));
                consumer.onEntitlements(Batches.of("entitlement-changed", coverage));
                consumer.onExclusions(Batches.of("person-excluded", exclusions));
                java.util.Collections.reverse(coverage);
            }
            assertEquals(sorted(QuarkusTransaction.requiringNew().call(
                            () -> counts.asOf(YEAR, OffsetDateTime.parse("9999-01-01T00:00:00Z")))),
                    sorted(QuarkusTransaction.requiringNew().call(() -> counts.now(YEAR))), "round " + round);
        }
    }

    /** The stream's previous version on the same topic (an envelope names it), which the new one becomes. */
    private static long follow(long[] previousByTopic, int topic, long sequence) {
        long previous = previousByTopic[topic];
        previousByTopic[topic] = sequence;
        return previous;
    }

    private static List<PlaceCounts> sorted(List<PlaceCounts> places) {
        return places.stream().sorted(Comparator.comparing((PlaceCounts p) -> p.township() + "/" + p.village())).toList();
    }
}

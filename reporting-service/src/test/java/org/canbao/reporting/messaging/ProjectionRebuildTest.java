package org.canbao.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventType;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.canbao.infra.TopicWriter.Keyed;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.canbao.reporting.service.ProgressBroadcaster;
import org.junit.jupiter.api.Test;

/**
 * A rebuild from offset zero, its poll's records shared among writers by person, leaves the same rows as the live
 * consumers: on the real broker and database, with several events for a key, duplicates, an event sent before the
 * one it follows, exclusions, payments and a reversal, and a record no consumer can apply.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class ProjectionRebuildTest {
    private static final int YEAR = 2031;
    private static final int PERSONS = 80;
    private static final List<String> VILLAGES = List.of("重建甲村", "重建乙村", "重建丙村");

    @Inject
    DataSource dataSource;

    @Inject
    ProjectionRebuilder rebuild;

    @Inject
    ProgressBroadcaster broadcaster;

    private static String event(CanbaoEvent event, String stream, long sequence, long previous) {
        return EventCodec.write(EventCodec.envelope("/test", event, stream, sequence, previous));
    }

    /** The projection's rows about this test's persons, a line per row, in a fixed order. */
    private String rows() {
        String[] queries = {
            "select person_key, township, village, status from person where person_key like 'rb%' order by 1",
            "select person_key, department, category, valid_from, valid_until from hardship_spell "
                    + "where person_key like 'rb%' order by 1, 2, 3, 4, 5",
            "select person_key, policy_year, state, enrolled_at from coverage where person_key like 'rb%' order by 1, 2",
            "select person_key, policy_year, reason from exclusion where person_key like 'rb%' order by 1, 2",
            "select receipt_id, person_key, amount, reversed_at is not null from payment where person_key like 'rb%' order by 1",
            "select topic, stream, version from stream_position where stream like '%rb%' order by 1, 2",
            "select count(*) from parked_event where stream like '%rb%'"};
        StringBuilder text = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String query : queries) {
                try (ResultSet r = s.executeQuery(query)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(r.getString(i)).append(i < columns ? "|" : "\n");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    @Test
    void aRebuildWithSeveralWritersLeavesTheRowsTheLiveConsumersWrote() throws Exception {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(("{\"units\":[" + String.join(",", VILLAGES.stream()
                        .map(v -> "{\"name\":\"" + v + "\",\"kind\":\"village\",\"target\":40}").toList()) + "]}")
                        .getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/" + YEAR).then().statusCode(200);
        Map<String, List<Keyed>> topics = new TreeMap<>();
        Random random = new Random(31);
        for (int i = 0; i < PERSONS; i++) {
            String key = "rb" + i;
            long person = 0;
            long[] previous = new long[3];
            for (int move = 0; move < 1 + random.nextInt(3); move++) {
                String identity = event(new IdentityVerified(key, "430626********0000", "H-" + key, "重建镇",
                        VILLAGES.get(random.nextInt(VILLAGES.size())), "ACTIVE", 1980, Instant.now()), "person/" + key,
                        ++person, previous[0]);
                previous[0] = person;
                add(topics, EventType.IDENTITY_VERIFIED, key, identity);
                if (random.nextInt(4) == 0) {
                    add(topics, EventType.IDENTITY_VERIFIED, key, identity); // delivered twice
                }
            }
            for (int change = 0; change < random.nextInt(4); change++) {
                add(topics, EventType.STATUS_CHANGED, key, event(new StatusChanged(key, "civil-affairs", "MINIMUM_LIVING",
                        change % 2 == 0 ? StatusChanged.Change.ADDED : StatusChanged.Change.REMOVED,
                        LocalDate.of(YEAR - 1, 9, 1 + change), Instant.now()), "person/" + key, ++person, previous[1]));
                previous[1] = person;
            }
            if (i % 9 == 0) {
                add(topics, EventType.PERSON_EXCLUDED, key, event(new PersonExcluded(key, YEAR, "EMPLOYEE_INSURED",
                        Instant.now()), "person/" + key, ++person, previous[2]));
            }
            List<String> entitlements = new ArrayList<>();
            for (int version = 1; version <= 1 + random.nextInt(3); version++) {
                boolean paid = random.nextBoolean();
                entitlements.add(event(new EntitlementChanged(key, YEAR, 1, paid ? "PAID" : "UNPAID", false,
                        paid ? OffsetDateTime.parse((YEAR - 1) + "-10-08T09:30:00+08:00") : null, BigDecimal.ZERO,
                        new BigDecimal("380.00"), paid ? new BigDecimal("380.00") : BigDecimal.ZERO),
                        "entitlement/" + key + "/" + YEAR, version, version - 1));
            }
            if (i % 10 == 3 && entitlements.size() > 1) {
                entitlements.add(0, entitlements.remove(1)); // version 2 on the topic before version 1: it waits for it
            }
            entitlements.forEach(e -> add(topics, EventType.ENTITLEMENT_CHANGED, key, e));
            if (i % 4 == 0) {
                String receipt = "rbp-" + i;
                add(topics, EventType.PAYMENT_RECEIVED, key, event(new PaymentReceived(key, receipt, YEAR, 1,
                        new BigDecimal("380.00"), "APP", OffsetDateTime.parse((YEAR - 1) + "-10-08T09:30:00+08:00"),
                        "重建税务所", Instant.now()), "payment/" + receipt, 1, 0));
                if (i % 8 == 0) {
                    add(topics, EventType.PAYMENT_REVERSED, key, event(new PaymentReversed(key, receipt, YEAR,
                            new BigDecimal("380.00"), OffsetDateTime.parse((YEAR - 1) + "-11-01T09:30:00+08:00"), "退费",
                            Instant.now()), "payment/" + receipt, 2, 0)); // its topic's first of the stream
                }
            }
        }
        // a record no consumer can apply (no date): the live consumer dead-letters it, and the rebuild leaves it out too
        add(topics, EventType.STATUS_CHANGED, "rb-bad", EventCodec.write(EventCodec.envelope("/test", new StatusChanged(
                "rb-bad", "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.ADDED, null, Instant.now()))));
        String broker = TestInfra.broker().bootstrapServers();
        topics.forEach((topic, records) -> TopicWriter.send(broker, topic, records));

        Instant deadline = Instant.now().plusSeconds(60);
        String live = "";
        for (String before = null; !live.equals(before) || count("coverage") < PERSONS || count("person") < PERSONS
                || !live.contains("rbp-" + (PERSONS - 4)); Thread.sleep(500)) {
            assertTrue(Instant.now().isBefore(deadline), "the live consumers applied the events: " + live);
            before = live;
            live = rows();
        }
        assertTrue(live.endsWith("\n0\n"), "no event waits: each one sent before its predecessor was applied after it: " + live);
        assertTrue(live.contains("|t\n") && live.contains("|f\n"), "payments, some reversed: " + live);

        ProjectionRebuild threeWriters = new ProjectionRebuild(dataSource, broadcaster, broker, 3, 2000);
        assertTrue(threeWriters.rebuild().events() >= topics.values().stream().mapToInt(List::size).sum());
        assertEquals(live, rows(), "three writers");
        rebuild.rebuild();
        assertEquals(live, rows(), "the configured writers");
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from " + table + " where person_key like 'rb%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void add(Map<String, List<Keyed>> topics, EventType type, String key, String record) {
        topics.computeIfAbsent(type.topic(), t -> new ArrayList<>()).add(new Keyed(key, record));
    }
}

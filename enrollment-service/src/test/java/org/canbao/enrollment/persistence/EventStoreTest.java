package org.canbao.enrollment.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.PersonExcluded;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.eventstore.ConcurrentAppendException;
import org.canbao.platform.eventstore.EventRelay;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.platform.eventstore.StoredEvent;
import org.canbao.platform.persistence.AdvisoryLocks;
import org.junit.jupiter.api.Test;

/**
 * The event store and its relay on the real database and broker: concurrent writers on the same persons with
 * two relays running, the optimistic-concurrency guard, and a person's history.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class EventStoreTest {
    private static final int PERSONS = 4;
    private static final int WRITERS = 6;
    private static final int ROUNDS = 12;

    @Inject
    EventStore store;

    @Inject
    EventRelay relay;

    @Inject
    Pseudonymizer pseudonymizer;

    @Inject
    DataSource dataSource;

    private static IdNumber person(int i) {
        return IdNumber.of("430626", LocalDate.of(1971, 2, 3), 300 + i);
    }

    @Test
    void concurrentWritersAndTwoRelaysKeepEveryPersonsEventsInVersionOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger secondRelaySent = new AtomicInteger();
        CompletableFuture<Void> secondRelay = CompletableFuture.runAsync(() -> {
            int round = 0;
            while (writing.get()) {
                round++;
                try {
                    secondRelaySent.addAndGet(Math.max(0, relay.relayBatch()));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("the second relay failed in round " + round, e);
                }
            }
        }, pool);
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(CompletableFuture.supplyAsync(() -> {
                int accepted = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    StringBuilder roster = new StringBuilder();
                    for (int p = 0; p < PERSONS; p++) {
                        roster.append("{\"idNumber\":\"").append(person(p).value()).append("\",\"name\":\"并发").append(p)
                                .append("\",\"householdId\":\"W").append(writer).append("-").append(round)
                                .append("\",\"township\":\"梅仙镇\"}\n");
                    }
                    accepted += given().auth().preemptive().basic("public-security", "public-security")
                            .contentType("application/x-ndjson").body(roster.toString().getBytes(StandardCharsets.UTF_8))
                            .post("/api/v1/residents").then().statusCode(200).extract().jsonPath().getInt("accepted");
                }
                return accepted;
            }, pool));
        }
        int accepted = 0;
        for (CompletableFuture<Integer> writer : writers) {
            accepted += writer.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        secondRelay.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        Map<String, Integer> streams = new HashMap<>();
        for (int p = 0; p < PERSONS; p++) {
            streams.put(Resident.stream(pseudonymizer.personKey(person(p))), 0);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select stream, version, tx_id::text::bigint, lag(tx_id::text::bigint) over w, position, lag(position) over w "
                        + "from event_store where stream = any(?) window w as (partition by stream order by version)")) {
            s.setArray(1, c.createArrayOf("text", streams.keySet().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int expected = streams.merge(r.getString(1), 1, Integer::sum);
                    assertEquals(expected, r.getLong(2), "versions of " + r.getString(1) + " have no gap");
                    if (r.getLong(2) > 1) {
                        assertTrue(r.getLong(3) >= r.getLong(4), "a stream's transaction ids rise with its versions");
                        assertTrue(r.getLong(5) > r.getLong(6), "a stream's positions rise with its versions");
                    }
                }
            }
        }
        int stored = streams.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(accepted, stored, "every accepted line is one event");
        assertTrue(accepted >= WRITERS * ROUNDS, "most lines change the household: " + accepted);

        List<ConsumerRecord<String, String>> records = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "identity-verified", seen -> seen.stream().filter(r -> streams.containsKey("person/" + r.key())).count() >= stored,
                Duration.ofSeconds(60));
        Map<String, Long> last = new HashMap<>();
        Map<String, List<String>> arrivals = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = EventCodec.read(record.value());
            if (streams.containsKey(envelope.stream())) {
                arrivals.computeIfAbsent(envelope.stream(), k -> new ArrayList<>())
                        .add(envelope.sequence() + "@" + record.partition() + ":" + record.offset());
            }
        }
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = EventCodec.read(record.value());
            if (!streams.containsKey(envelope.stream())) {
                continue;
            }
            long previous = last.getOrDefault(envelope.stream(), 0L);
            if (envelope.sequence() <= previous) {
                continue; // at least once: a batch sent again after a crash or a timeout repeats what consumers hold
            }
            assertEquals(previous, envelope.previous(), envelope.stream() + " arrives in version order, without a gap: "
                    + arrivals.get(envelope.stream()));
            last.put(envelope.stream(), envelope.sequence());
        }
        streams.forEach((stream, version) -> assertEquals(version.longValue(), last.get(stream), stream));
        System.out.printf("%d events in %d streams; the second relay sent %d of them%n", stored, PERSONS, secondRelaySent.get());
    }

    /**
     * Two departments' snapshots at a county's scale: each holds its department, then locks persons in every bucket.
     * With the department in the buckets they wait for each other in a circle, which PostgreSQL breaks by failing one
     * (the full-scale season met it at every snapshot); with the department's lock of its own, both go through.
     */
    @Test
    void twoDepartmentsFeedsLockingEveryBucketNeverDeadlockWithTheirOwnLocks() throws Exception {
        List<String> everyBucket = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            everyBucket.add("person/feed-test-" + i);
        }
        assertEquals(List.of(), lockTwice((c, dept) -> AdvisoryLocks.lockAlone(c, dept), everyBucket),
                "own department locks: no deadlock");
        List<String> inBuckets = lockTwice((c, dept) -> AdvisoryLocks.lock(c, List.of(dept)), everyBucket);
        assertEquals(List.of("40P01"), inBuckets, "departments in the buckets: one of the two feeds fails in a deadlock");
    }

    private interface FirstLock {
        void take(Connection c, String department) throws java.sql.SQLException;
    }

    /** Two transactions each take their department's lock, wait for each other to hold it, then lock the persons. */
    private List<String> lockTwice(FirstLock first, List<String> persons) throws Exception {
        CountDownLatch bothHold = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<String>> feeds = new ArrayList<>();
            for (String department : List.of("status-feed/civil-affairs", "status-feed/rural-revitalization")) {
                feeds.add(CompletableFuture.supplyAsync(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        try {
                            first.take(c, department);
                            bothHold.countDown();
                            bothHold.await(10, TimeUnit.SECONDS);
                            AdvisoryLocks.lock(c, persons);
                            c.commit();
                            return null;
                        } catch (java.sql.SQLException e) {
                            c.rollback();
                            return e.getSQLState();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<String> feed : feeds) {
                String state = feed.get(60, TimeUnit.SECONDS);
                if (state != null) {
                    failures.add(state);
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A batch locks thousands of streams at once, and the services' batches run side by side in one PostgreSQL:
     * a lock per stream ran its shared lock table (6,400 slots by default) out. 20,000 streams now take at most
     * 256 locks, and a second writer of one of them still waits for the first.
     */
    @Test
    void aLargeBatchTakesBoundedLocksAndAStreamStillHasOneWriterAtATime() throws Exception {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            streams.add("person/lock-test-" + i);
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            AdvisoryLocks.lock(first, streams);
            try (ResultSet held = first.createStatement().executeQuery(
                    "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")) {
                held.next();
                assertTrue(held.getLong(1) <= 257, "advisory locks held for 20,000 streams: " + held.getLong(1));
            }
            second.createStatement().execute("set local lock_timeout = '300ms'");
            java.sql.SQLException waited = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> AdvisoryLocks.lock(second, List.of("person/lock-test-12345")));
            assertEquals("55P03", waited.getSQLState(), "the second writer of a locked stream must wait");
            second.rollback();
            first.commit();
            AdvisoryLocks.lock(second, List.of("person/lock-test-12345"));
            second.commit();
        }
    }

    @Test
    void twoAppendsOfTheSameVersionCannotBothCommit() throws Exception {
        String stream = "person/occ-test";
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch secondAppending = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.append(stream, new PersonExcluded("occ-test", 2026, "FIRST", Instant.now()));
            store.flush();
            firstAppended.countDown();
            await(secondAppending);
            sleep(500);
        }));
        await(firstAppended);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.append(stream, new PersonExcluded("occ-test", 2026, "SECOND", Instant.now()));
            secondAppending.countDown();
            store.flush();
        }));
        first.get(30, TimeUnit.SECONDS);
        assertFailsWithConcurrentAppend(second, "the second append of version 1 must not commit");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> store.streams(List.of(stream)).size()));
    }

    @Test
    void anOlderTransactionCannotAppendAfterALaterOneCommittedToTheSameStream() throws Exception {
        String stream = "person/later-writer-test";
        String other = "person/later-writer-other";
        CountDownLatch olderHasItsId = new CountDownLatch(1);
        CountDownLatch laterCommitted = new CountDownLatch(1);
        CompletableFuture<Void> older = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.append(other, new PersonExcluded("later-writer-other", 2026, "OLDER", Instant.now()));
            store.flush();
            olderHasItsId.countDown();
            await(laterCommitted);
            store.append(stream, new PersonExcluded("later-writer-test", 2026, "OLDER", Instant.now()));
            store.flush();
        }));
        await(olderHasItsId);
        QuarkusTransaction.requiringNew().run(() -> {
            store.append(stream, new PersonExcluded("later-writer-test", 2026, "LATER", Instant.now()));
            store.flush();
        });
        laterCommitted.countDown();
        assertFailsWithConcurrentAppend(older, "version 2 from a transaction older than version 1's would reach the relay first");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> store.streams(List.of(stream)).size()));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> store.streams(List.of(other)).size()));
    }

    /**
     * A county's snapshot appends tens of thousands of events in one transaction, written in JDBC batches of 1,000:
     * every event is stored with its stream's next version, and a conflict in a later batch still fails the whole
     * transaction, with nothing of the earlier batches kept.
     */
    @Test
    void anAppendOfSeveralJdbcBatchesStoresEveryVersionOrNoneOnAConflict() {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 1_250; i++) {
            streams.add("person/chunk-test-" + i);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int round = 0; round < 2; round++) {
                for (String stream : streams) {
                    store.append(stream, new PersonExcluded(stream.substring(7), 2026, "R" + round, Instant.now()));
                }
            }
            store.flush();
        });
        List<StoredEvent> stored = QuarkusTransaction.requiringNew().call(() -> store.streams(streams));
        assertEquals(2_500, stored.size());
        Map<String, List<Long>> versions = new HashMap<>();
        stored.forEach(e -> versions.computeIfAbsent(e.stream(), k -> new ArrayList<>()).add(e.version()));
        streams.forEach(stream -> assertEquals(List.of(1L, 2L), versions.get(stream), stream));

        String late = streams.get(streams.size() - 1);
        CountDownLatch lateAppended = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.append(late, new PersonExcluded(late.substring(7), 2026, "OTHER", Instant.now()));
            store.flush();
            lateAppended.countDown();
            sleep(500);
        }));
        await(lateAppended);
        CompletableFuture<Void> large = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            streams.forEach(stream -> store.append(stream, new PersonExcluded(stream.substring(7), 2026, "R2", Instant.now())));
            store.flush();
        }));
        assertDoesNotThrow(() -> other.get(30, TimeUnit.SECONDS));
        assertThrows(Exception.class, () -> large.get(30, TimeUnit.SECONDS), "version 3 of the last stream was taken");
        assertEquals(2_501, QuarkusTransaction.requiringNew().call(() -> store.streams(streams).size()));
    }

    /**
     * Transaction ids gain a digit now and then (9 to 10, 99,999 to 100,000): the relay still reads them in number
     * order. Ordered as text, it sent 10 before 9, and after a batch ending in 100 its checkpoint was past 99's events.
     * On this connection's own copy of the store (a temporary table hides the service's), so no event goes out.
     */
    @Test
    void aPersonsHistoryListsEveryEventInOrderWithWhatChanged() {
        IdNumber id = IdNumber.of("430626", LocalDate.of(1966, 6, 6), 606);
        String roster = "{\"idNumber\":\"" + id.value() + "\",\"name\":\"历史\",\"householdId\":\"H1\",\"township\":\"梅仙镇\",\"village\":\"大坪村\"}";
        post("public-security", "/api/v1/residents", "application/x-ndjson", roster);
        post("public-security", "/api/v1/residents", "application/x-ndjson", roster.replace("大坪村", "浆市村"));
        post("civil-affairs", "/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=snapshot", "text/csv",
                "idNumber,name,category\n" + id.value() + ",历史,MINIMUM_LIVING\n");
        post("civil-affairs", "/api/v1/status-feeds/civil-affairs?asOf=2022-11-30&mode=delta", "text/csv",
                "idNumber,name,category,action\n" + id.value() + ",历史,MINIMUM_LIVING,REMOVE\n");

        given().auth().preemptive().basic("tax", "tax").get("/api/v1/persons/" + id.value() + "/history").then().statusCode(403);
        String body = given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/persons/" + id.value() + "/history").then().statusCode(200).extract().asString();
        assertFalse(body.contains(id.value()), "the full ID number never leaves in a response");
        JsonPath history = JsonPath.from(body);
        assertEquals(id.masked(), history.getString("idNumber"));
        assertEquals(List.of(1, 2, 3, 4), history.getList("events.version"));
        assertEquals(List.of("identity-verified", "identity-verified", "status-changed", "status-changed"),
                history.getList("events.type"));
        assertEquals("大坪村 → 浆市村", history.getString("events[1].changes.village"));
        assertEquals("civil-affairs", history.getString("events[2].reportedBy"));
        assertEquals("2022-08-31", history.getString("events[2].businessTime"));
        assertEquals("no longer MINIMUM_LIVING from 2022-11-30", history.getString("events[3].summary"));
    }

    private static void assertFailsWithConcurrentAppend(CompletableFuture<Void> append, String why) throws Exception {
        Throwable failure = append.handle((ok, e) -> e).get(30, TimeUnit.SECONDS);
        assertFalse(failure == null, why);
        Throwable cause = failure;
        while (!(cause instanceof ConcurrentAppendException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(ConcurrentAppendException.class, cause);
    }

    private static void post(String user, String path, String type, String body) {
        given().auth().preemptive().basic(user, user).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .post(path).then().statusCode(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

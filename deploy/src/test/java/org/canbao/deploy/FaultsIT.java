package org.canbao.deploy;

import static org.canbao.deploy.EndToEnd.ok;
import static org.canbao.deploy.EndToEnd.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.canbao.simulator.Api;

/**
 * The log is the truth, tried as an operator would: {@code kill -9} of each service during a load, a replay of
 * reporting's consumer group from offset zero, rebuilds of every service's projections while queries run, and a
 * {@code kill -9} of reporting-service half-way through its rebuild.
 * Each time the figures must come out exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    private static final int PERSONS = 300;
    private static final int HARDSHIP = 30;
    private static final int BATCH = 30;
    private static final String NDJSON = "application/x-ndjson";
    private static final String AS_OF = "?asOf=2023-01-01T00:00:00%2B08:00";
    private static final String[] TOWNSHIPS = {"梅仙镇", "三阳乡", "长寿镇"};
    private static Suite suite;
    private static String database;
    private static Map<String, String> figures;

    @BeforeAll
    static void startSuite() throws Exception {
        database = TestInfra.freshDatabase("faults");
        // reporting's rebuild in polls of 20 records, each a commit: a kill -9 can find it half-way (killing…HalfWay…)
        suite = EndToEnd.start("faults", database, TestInfra.broker().bootstrapServers(),
                Map.of("CANBAO_REBUILD_POLL_RECORDS", "20"));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
        TestInfra.postgres().dropDatabase(database);
    }

    @Test
    @Order(1)
    void killingEachServiceDuringALoadLosesAndDoublesNothing() throws Exception {
        Api subsidy = suite.http(ServiceSpec.SUBSIDY);
        Api reporting = suite.http(ServiceSpec.REPORTING);
        ok(subsidy.put("admin", "/api/v1/policies/2023", "application/json", Pingjiang.POLICY));
        ok(reporting.put("admin", "/api/v1/campaigns/2023", "application/json", Pingjiang.campaign()));

        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<List<String>> killer = CompletableFuture.supplyAsync(() -> killEachInTurn(loading));
        int sends = 0;
        try {
            // The load goes on until every service has been killed once: a client that gets no answer, or is not
            // sure it was heard, sends the same batch again, so the last rounds are all duplicates.
            for (int round = 0; round == 0 || !killer.isDone(); round++) {
                for (int from = 0; from < PERSONS; from += BATCH) {
                    sendUntilAccepted(ServiceSpec.ENROLLMENT, "public-security", "/api/v1/residents", NDJSON, roster(from));
                    sends++;
                    Thread.sleep(300);
                }
                sendUntilAccepted(ServiceSpec.ENROLLMENT, "civil-affairs",
                        "/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=snapshot", "text/csv", hardshipFeed());
                for (int from = 0; from < PERSONS; from += BATCH) {
                    sendUntilAccepted(ServiceSpec.PAYMENT_INGEST, "tax", "/api/v1/payments", NDJSON, payments(from));
                    sends++;
                    Thread.sleep(300);
                }
            }
        } finally {
            loading.set(false);
        }
        List<String> faults = killer.get();
        faults.forEach(System.out::println);
        assertEquals(5, faults.size());
        faults.forEach(f -> assertTrue(f.contains("during the load"), f));
        assertTrue(sends >= 40, "batches sent: " + sends);

        JsonNode progress = eventually("reporting counts every paying person once",
                () -> reporting.get("supervisor", "/api/v1/campaigns/2023/progress"),
                a -> a.status() == 200 && a.json().get("total").get("enrolled").asInt() >= PERSONS, Duration.ofSeconds(180)).json();
        Thread.sleep(2_000);
        progress = ok(reporting.get("supervisor", "/api/v1/campaigns/2023/progress"));
        assertEquals(PERSONS, progress.get("total").get("enrolled").asInt(), progress.toString());
        assertEquals(HARDSHIP, progress.get("total").get("hardship").get("total").asInt(), progress.toString());
        assertEquals(HARDSHIP, progress.get("total").get("hardship").get("enrolled").asInt(), progress.toString());
        JsonNode ledger = eventually("the ledger holds every hardship subsidy once",
                () -> subsidy.get("supervisor", "/api/v1/ledger/2023"),
                a -> a.status() == 200 && a.json().get("enrolledSubsidies").get("persons").asInt() == HARDSHIP,
                Duration.ofSeconds(60)).json();
        assertEquals("5250.00", ledger.get("enrolledSubsidies").get("amount").asText(), ledger.toString());
        assertEquals(0, ledger.get("refundsDue").get("persons").asInt(), "no payment counted twice: " + ledger);
        for (ServiceSpec service : ServiceSpec.values()) {
            assertEquals(200, suite.management(service).get("admin", "/q/health/ready").status(), service + " ready again");
        }
        figures = figures();
    }

    @Test
    @Order(2)
    void replayingReportingFromOffsetZeroGivesTheSameFigures() throws Exception {
        suite.stop(ServiceSpec.REPORTING);
        List<String> topics = List.of("identity-verified", "status-changed", "entitlement-changed", "person-excluded");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.broker().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
                description.partitions().forEach(p -> zero.put(new TopicPartition(description.name(), p.partition()),
                        new OffsetAndMetadata(0)));
            }
            eventually("the group is empty and reset", () -> {
                try {
                    admin.alterConsumerGroupOffsets("reporting-service", zero).all().get();
                    return new Api.Answer(200, "{}");
                } catch (Exception e) {
                    return new Api.Answer(409, e.getMessage());
                }
            }, a -> a.status() == 200, Duration.ofSeconds(90));
            suite.restart(ServiceSpec.REPORTING);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            zero.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            eventually("reporting read every topic again from offset zero", () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> at = admin.listConsumerGroupOffsets("reporting-service")
                            .partitionsToOffsetAndMetadata().get();
                    boolean done = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                            || (at.get(e.getKey()) != null && at.get(e.getKey()).offset() >= e.getValue().offset()));
                    return new Api.Answer(done ? 200 : 102, "{}");
                } catch (Exception e) {
                    return new Api.Answer(500, e.getMessage());
                }
            }, a -> a.status() == 200, Duration.ofSeconds(120));
        }
        assertEquals(figures, figures());
    }

    @Test
    @Order(3)
    void rebuildingEveryServiceWhileQueriesRunChangesNoFigure() throws Exception {
        Api reporting = suite.http(ServiceSpec.REPORTING);
        Api enrollment = suite.http(ServiceSpec.ENROLLMENT);
        String person = "/api/v1/persons/" + person(1).value();
        String personBefore = ok(enrollment.get("supervisor", person)).toString();
        String historyBefore = ok(enrollment.get("supervisor", person + "/history")).toString();
        AtomicBoolean querying = new AtomicBoolean(true);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger queries = new AtomicInteger();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (querying.get()) {
                for (String path : List.of("/api/v1/campaigns/2023/progress" + AS_OF, "/api/v1/campaigns/2023/checkpoints")) {
                    Api.Answer answer = reporting.get("supervisor", path);
                    queries.incrementAndGet();
                    if (answer.status() != 200) {
                        failures.add(path + " " + answer.status() + " " + answer.body());
                    }
                }
                Api.Answer answer = enrollment.get("supervisor", person);
                if (answer.status() != 200) {
                    failures.add(person + " " + answer.status());
                }
            }
        });
        try {
            for (ServiceSpec service : ServiceSpec.values()) {
                JsonNode result = ok(Api.local(suite.port(service), Duration.ofMinutes(10)).post("admin", "/api/v1/admin/rebuild",
                        "application/json", ""));
                System.out.printf("rebuild %s: %s%n", service.module(), result);
                assertTrue(result.get("events").asLong() > 0, service + " replayed events: " + result);
            }
        } finally {
            querying.set(false);
            load.get();
        }
        assertEquals(List.of(), failures, "no query failed during the rebuilds");
        assertTrue(queries.get() > 10, "queries ran during the rebuilds: " + queries.get());
        assertEquals(figures, figures());
        assertEquals(personBefore, ok(enrollment.get("supervisor", person)).toString());
        assertEquals(historyBefore, ok(enrollment.get("supervisor", person + "/history")).toString());
    }

    /**
     * {@code kill -9} of reporting-service half-way through a rebuild: the live tables keep every figure, and the next
     * rebuild, which finds the fresh tables as the killed one left them, completes with the same figures. The test
     * holds a writer's share of reporting's projection-tables lock (the key of {@code TableSwitch.lockKey}), so the
     * rebuild fills its fresh tables and then waits for it before its last pass and the switch: the kill finds it
     * half-way whatever the machine's speed (a rebuild of this suite's 960 events takes 0.3 s).
     */
    @Test
    @Order(4)
    void killingReportingHalfWayThroughARebuildChangesNoFigure() throws Exception {
        Api reporting = Api.local(suite.port(ServiceSpec.REPORTING), Duration.ofMinutes(10));
        try (Connection writer = DriverManager.getConnection(TestInfra.postgres().jdbcUrl(database), "postgres", "");
             Statement lock = writer.createStatement()) {
            lock.execute("select pg_advisory_lock_shared(hashtext('" + ServiceSpec.REPORTING.schema() + "-projection-tables'))");
            CompletableFuture<Api.Answer> rebuilding = CompletableFuture.supplyAsync(
                    () -> reporting.post("admin", "/api/v1/admin/rebuild", "application/json", ""));
            eventually("the rebuild has filled its fresh tables and waits for the writers' lock",
                    () -> new Api.Answer(freshPersons() > 0 && waitsForALock(ServiceSpec.REPORTING.databaseRole()) ? 200 : 102, "{}"),
                    a -> a.status() == 200 || rebuilding.isDone(), Duration.ofSeconds(60));
            suite.kill(ServiceSpec.REPORTING);
            Api.Answer cut;
            try {
                cut = rebuilding.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                cut = null; // no answer: the service died under the request
            }
            assertTrue(cut == null || cut.status() != 200, "the rebuild was killed before it ended, not after: " + cut);
        }

        suite.restart(ServiceSpec.REPORTING);
        assertEquals(figures, figures());
        JsonNode result = ok(reporting.post("admin", "/api/v1/admin/rebuild", "application/json", ""));
        assertTrue(result.get("events").asLong() > 0, "the next rebuild replayed events: " + result);
        assertEquals(0, freshPersons(), "the next rebuild moved its fresh tables in and emptied what was left");
        assertEquals(figures, figures());
    }

    /** Whether a session of this database role waits for a heavyweight lock (an advisory lock among them). */
    private static boolean waitsForALock(String role) {
        try (Connection c = DriverManager.getConnection(TestInfra.postgres().jdbcUrl(database), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where usename = '" + role
                     + "' and wait_event_type = 'Lock'")) {
            r.next();
            return r.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Rows in reporting's fresh person table: written by a rebuild's first pass, none once a rebuild has switched. */
    private static long freshPersons() {
        try (Connection c = DriverManager.getConnection(TestInfra.postgres().jdbcUrl(database), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from reporting_rebuild.person")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return 0; // no fresh table: no rebuild has begun, or one has switched
        }
    }

    private static String roster(int from) {
        StringBuilder roster = new StringBuilder();
        for (int i = from; i < from + BATCH; i++) {
            roster.append("{\"idNumber\":\"").append(person(i).value()).append("\",\"name\":\"居民").append(i)
                    .append("\",\"householdId\":\"H").append(i / 3).append("\",\"township\":\"")
                    .append(TOWNSHIPS[i % TOWNSHIPS.length]).append("\"}\n");
        }
        return roster.toString();
    }

    private static String hardshipFeed() {
        StringBuilder feed = new StringBuilder("idNumber,name,category\n");
        for (int i = 0; i < HARDSHIP; i++) {
            feed.append(person(i).value()).append(",居民").append(i).append(",MINIMUM_LIVING\n");
        }
        return feed.toString();
    }

    private static String payments(int from) {
        StringBuilder payments = new StringBuilder();
        for (int i = from; i < from + BATCH; i++) {
            payments.append("{\"receiptId\":\"FT-").append(i).append("\",\"idNumber\":\"").append(person(i).value())
                    .append("\",\"policyYear\":2023,\"amount\":\"").append(i < HARDSHIP ? "175.00" : "350.00")
                    .append("\",\"channel\":\"WECHAT\",\"paidAt\":\"2022-10-08T09:30:00+08:00\"}\n");
        }
        return payments.toString();
    }

    /** Progress at a fixed instant, the checkpoint bulletins, the ledger and one entitlement: what must not move. */
    private static Map<String, String> figures() {
        Map<String, String> figures = new java.util.TreeMap<>();
        figures.put("progress", ok(suite.http(ServiceSpec.REPORTING).get("supervisor", "/api/v1/campaigns/2023/progress" + AS_OF)).toString());
        figures.put("checkpoints", ok(suite.http(ServiceSpec.REPORTING).get("supervisor", "/api/v1/campaigns/2023/checkpoints")).toString());
        figures.put("ledger", ok(suite.http(ServiceSpec.SUBSIDY).get("supervisor", "/api/v1/ledger/2023")).toString());
        figures.put("entitlement", ok(suite.http(ServiceSpec.SUBSIDY).get("supervisor",
                "/api/v1/entitlements/" + person(3).value() + "?policyYear=2023")).toString());
        return figures;
    }

    private static List<String> killEachInTurn(AtomicBoolean loading) {
        List<String> faults = new ArrayList<>();
        for (ServiceSpec service : List.of(ServiceSpec.ENROLLMENT, ServiceSpec.SUBSIDY, ServiceSpec.REPORTING,
                ServiceSpec.PAYMENT_INGEST, ServiceSpec.SUBSIDY)) {
            try {
                Thread.sleep(1_500);
                boolean during = loading.get();
                suite.kill(service);
                Duration back = suite.restart(service);
                faults.add("fault: kill -9 " + service.module() + (during ? " during the load" : " after the load")
                        + ", ready again in " + back.toMillis() + " ms");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(service + " did not come back: " + e.getMessage(), e);
            }
        }
        return faults;
    }

    /** What a client does when a service is down: send the same batch again until it is answered. */
    private static JsonNode sendUntilAccepted(ServiceSpec service, String user, String path, String type, String body) {
        return eventually(path + " accepted", () -> {
            try {
                return suite.http(service).post(user, path, type, body);
            } catch (IllegalStateException down) {
                return new Api.Answer(503, down.getMessage());
            }
        }, a -> a.status() == 200 && a.json().get("rejected").isEmpty(), Duration.ofSeconds(120)).json();
    }

    private static IdNumber person(int i) {
        return IdNumber.of(Pingjiang.REGION_CODE, LocalDate.of(1950, 1, 1).plusDays(i * 7L), 100 + i % 800);
    }
}

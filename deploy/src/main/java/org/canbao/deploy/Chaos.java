package org.canbao.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.canbao.contracts.IdNumber;
import org.canbao.simulator.Api;

/**
 * {@code ./canbao chaos}: a steady load (roster, a hardship feed, payments over REST and over the tax stream) while
 * every service, the broker and the database are struck at random moments, and a second reporting instance joins
 * and leaves its consumer group. The clients behave as real ones do: what is not answered is sent again. At the end
 * every accepted payment must be counted exactly once: the unit's progress, its hardship coverage and the ledger.
 */
public final class Chaos {
    static final int YEAR = 2024;
    private static final int BATCH = 25;
    private static final String POLICY = "{\"tiers\":[{\"tier\":1,\"contribution\":\"350.00\"}],"
            + "\"subsidies\":[{\"category\":\"MINIMUM_LIVING\",\"rule\":\"HALF\"}],"
            + "\"window\":{\"opens\":\"2023-09-01\",\"closes\":\"2023-12-31\"}}";

    /** What chaos can do to a running suite; the launcher's and the tests' suites each have their own. */
    public interface Faults {
        Api http(ServiceSpec service);

        String bootstrapServers();

        /** {@code kill -9}, start again at once; what happened, as one line. */
        String killAndRestart(ServiceSpec service) throws Exception;

        String killAndRestartBroker() throws Exception;

        String restartDatabase() throws Exception;

        /** A second reporting-service instance joins its consumer groups, works a while, and leaves. */
        String rebalance() throws Exception;
    }

    public record Result(List<String> faults, int accepted, int counted, int lost, int doubled, String ledger) {
        public String summary() {
            return String.format("chaos: %d faults, accepted %d, counted %d, lost %d, double %d", faults.size(), accepted,
                    counted, lost, doubled);
        }
    }

    private final Faults faults;
    private final Random random;
    private final String run;
    private final String unit;
    private final LocalDate born;

    public Chaos(Faults faults, long seed) {
        this.faults = faults;
        this.random = new Random(seed);
        this.run = Long.toString(Math.abs(seed) % 1_000_000, 36);
        this.unit = "混沌镇" + run;
        this.born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(15_000));
    }

    /** {@code persons} residents over {@code duration}, a tenth of them in hardship; every fault strikes once. */
    public Result run(int persons, Duration duration) throws Exception {
        int hardship = persons / 10;
        Api subsidy = faults.http(ServiceSpec.SUBSIDY);
        Api reporting = faults.http(ServiceSpec.REPORTING);
        send(ServiceSpec.SUBSIDY, "admin", "/api/v1/policies/" + YEAR, "application/json", POLICY, true);
        send(ServiceSpec.REPORTING, "admin", "/api/v1/campaigns/" + YEAR, "text/csv",
                "unit_name,unit_kind,target\n" + unit + ",township," + persons + "\n", true);
        JsonNode ledgerBefore = ledger(subsidy);

        AtomicBoolean loading = new AtomicBoolean(true);
        Instant start = Instant.now();
        CompletableFuture<List<String>> strikes = CompletableFuture.supplyAsync(() -> strike(duration, start, loading));
        try (KafkaProducer<String, String> stream = producer()) {
            int batches = (persons + BATCH - 1) / BATCH;
            long pause = Math.max(50, duration.toMillis() / Math.max(1, batches * 2L));
            for (int from = 0; from < persons; from += BATCH) {
                int to = Math.min(persons, from + BATCH);
                send(ServiceSpec.ENROLLMENT, "public-security", "/api/v1/residents", "application/x-ndjson", roster(from, to), false);
                if (from < hardship) {
                    send(ServiceSpec.ENROLLMENT, "civil-affairs", "/api/v1/status-feeds/civil-affairs?asOf=2023-08-31&mode=delta",
                            "text/csv", feed(from, Math.min(to, hardship)), false);
                }
                Thread.sleep(pause);
                if ((from / BATCH) % 2 == 0) {
                    send(ServiceSpec.PAYMENT_INGEST, "tax", "/api/v1/payments", "application/x-ndjson", payments(from, to, hardship), false);
                } else {
                    stream(stream, from, to, hardship);
                }
                Thread.sleep(pause);
            }
            // the faults keep striking until each has struck once, and the load goes on meanwhile as duplicates
            while (!strikes.isDone()) {
                send(ServiceSpec.PAYMENT_INGEST, "tax", "/api/v1/payments", "application/x-ndjson", payments(0, Math.min(persons, BATCH), hardship), false);
                Thread.sleep(1_000);
            }
        } finally {
            loading.set(false);
        }
        List<String> struck = strikes.get();

        int counted = settle(() -> enrolled(reporting) == persons, Duration.ofMinutes(5)) ? persons : enrolled(reporting);
        settle(() -> ledgerPersons(subsidy) - ledgerBefore.path("enrolledSubsidies").path("persons").asInt() >= hardship,
                Duration.ofMinutes(2));
        Thread.sleep(3_000);
        counted = enrolled(reporting);
        JsonNode unitNow = unit(reporting);
        JsonNode ledgerAfter = ledger(subsidy);
        int subsidised = ledgerAfter.path("enrolledSubsidies").path("persons").asInt()
                - ledgerBefore.path("enrolledSubsidies").path("persons").asInt();
        int refunds = ledgerAfter.path("refundsDue").path("persons").asInt() - ledgerBefore.path("refundsDue").path("persons").asInt();
        int hardshipCounted = unitNow == null ? 0 : unitNow.path("hardship").path("enrolled").asInt();
        int lost = Math.max(0, persons - counted) + Math.max(0, hardship - subsidised) + Math.max(0, hardship - hardshipCounted);
        int doubled = Math.max(0, counted - persons) + Math.max(0, subsidised - hardship) + Math.max(0, refunds)
                + Math.max(0, hardshipCounted - hardship);
        String ledger = String.format("ledger: %d more subsidised persons (expected %d), %d more refunds due (expected 0); "
                + "hardship enrolled in %s: %d of %d", subsidised, hardship, refunds, unit, hardshipCounted, hardship);
        return new Result(struck, persons, counted, lost, doubled, ledger);
    }

    /** Every fault once, in a random order, at random moments spread over the load. */
    private List<String> strike(Duration duration, Instant start, AtomicBoolean loading) {
        List<String> kinds = new ArrayList<>(List.of("enrollment-service", "payment-ingest-service", "subsidy-service",
                "reporting-service", "broker", "database", "rebalance"));
        Collections.shuffle(kinds, random);
        List<String> lines = new ArrayList<>();
        long gap = Math.max(1_000, duration.toMillis() / (kinds.size() + 1));
        for (String kind : kinds) {
            try {
                Thread.sleep(gap / 2 + random.nextInt((int) Math.max(1, gap)));
                String at = String.format("%.1f s%s", Duration.between(start, Instant.now()).toMillis() / 1000.0,
                        loading.get() ? "" : ", after the load");
                String what = switch (kind) {
                    case "broker" -> faults.killAndRestartBroker();
                    case "database" -> faults.restartDatabase();
                    case "rebalance" -> faults.rebalance();
                    default -> faults.killAndRestart(java.util.Arrays.stream(ServiceSpec.values())
                            .filter(s -> s.module().equals(kind)).findFirst().orElseThrow());
                };
                String line = "fault at " + at + ": " + what;
                System.out.println(line);
                lines.add(line);
            } catch (Exception e) {
                throw new IllegalStateException(kind + ": the fault could not be struck or undone: " + e.getMessage(), e);
            }
        }
        return lines;
    }

    /** What a client does when a service is down or not sure: the same batch again until it is answered. */
    private void send(ServiceSpec service, String user, String path, String type, String body, boolean setup) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                Api http = faults.http(service);
                Api.Answer answer = setup ? http.put(user, path, type, body) : http.post(user, path, type, body);
                if (answer.status() == 200 && (setup || answer.json().path("rejected").isEmpty())) {
                    return;
                }
                if (answer.status() == 200) {
                    throw new IllegalStateException(path + " rejected lines of a good batch: " + answer.body());
                }
                last = answer.status() + " " + answer.body();
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().contains("rejected lines")) {
                    throw e;
                }
                last = e.getMessage();
            }
            sleep(500);
        }
        throw new IllegalStateException(path + " not answered for 5 minutes: " + last);
    }

    private void stream(KafkaProducer<String, String> producer, int from, int to, int hardship) throws InterruptedException {
        for (int i = from; i < to; i++) {
            String receipt = receipt(i);
            String record = payment(i, hardship);
            while (true) {
                try {
                    producer.send(new ProducerRecord<>("tax.payment-confirmations", receipt, record)).get(150, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    sleep(1_000);
                }
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, faults.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private IdNumber person(int i) {
        return IdNumber.of("430626", born.plusDays(i / 900), i % 900);
    }

    private String receipt(int i) {
        return "CH-" + run + "-" + i;
    }

    private String roster(int from, int to) {
        StringBuilder roster = new StringBuilder();
        for (int i = from; i < to; i++) {
            roster.append("{\"idNumber\":\"").append(person(i).value()).append("\",\"name\":\"混沌").append(i)
                    .append("\",\"householdId\":\"CH").append(run).append('-').append(i / 4).append("\",\"township\":\"")
                    .append(unit).append("\"}\n");
        }
        return roster.toString();
    }

    private String feed(int from, int to) {
        StringBuilder feed = new StringBuilder("idNumber,name,category,action\n");
        for (int i = from; i < to; i++) {
            feed.append(person(i).value()).append(",混沌").append(i).append(",MINIMUM_LIVING,ADD\n");
        }
        return feed.toString();
    }

    private String payment(int i, int hardship) {
        return "{\"receiptId\":\"" + receipt(i) + "\",\"idNumber\":\"" + person(i).value() + "\",\"policyYear\":" + YEAR
                + ",\"amount\":\"" + (i < hardship ? "175.00" : "350.00") + "\",\"channel\":\"WECHAT\","
                + "\"paidAt\":\"2023-10-08T09:30:00+08:00\"}";
    }

    private String payments(int from, int to, int hardship) {
        StringBuilder payments = new StringBuilder();
        for (int i = from; i < to; i++) {
            payments.append(payment(i, hardship)).append('\n');
        }
        return payments.toString();
    }

    private JsonNode unit(Api reporting) {
        try {
            Api.Answer answer = reporting.get("supervisor", "/api/v1/campaigns/" + YEAR + "/progress");
            if (answer.status() != 200) {
                return null;
            }
            for (JsonNode u : answer.json().path("units")) {
                if (unit.equals(u.path("name").asText())) {
                    return u;
                }
            }
        } catch (IllegalStateException down) {
            // not answering yet
        }
        return null;
    }

    private int enrolled(Api reporting) {
        JsonNode u = unit(reporting);
        return u == null ? 0 : u.path("enrolled").asInt();
    }

    private static JsonNode ledger(Api subsidy) {
        for (int i = 0; i < 120; i++) {
            try {
                Api.Answer answer = subsidy.get("supervisor", "/api/v1/ledger/" + YEAR);
                if (answer.status() == 200) {
                    return answer.json();
                }
            } catch (IllegalStateException down) {
                // not answering yet
            }
            sleep(1_000);
        }
        throw new IllegalStateException("the ledger does not answer");
    }

    private static int ledgerPersons(Api subsidy) {
        return ledger(subsidy).path("enrolledSubsidies").path("persons").asInt();
    }

    private static boolean settle(BooleanSupplier done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return true;
            }
            sleep(1_000);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

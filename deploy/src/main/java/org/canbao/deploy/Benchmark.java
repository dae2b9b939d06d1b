package org.canbao.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.canbao.contracts.IdNumber;
import org.canbao.simulator.Api;

/**
 * {@code ./canbao bench [N]} against a running suite: first the raw broker (N records of 200 bytes, acks=all,
 * produced then consumed), then N residents and N payments through the services, timing each stage until its
 * effect is visible: roster and payments accepted over REST, entitlements decided (subsidy), enrolment counted
 * (reporting). Every rate is also given as a ratio to the raw produce rate of the same run.
 */
public final class Benchmark {
    private static final String BROKER = "127.0.0.1:9092";
    private static final int BATCH = 5000;
    private static final int YEAR = 2025;
    /** As many as each Canbao topic has by default ({@code canbao.topics.partitions}). */
    private static final int PARTITIONS = 12;

    private Benchmark() {
    }

    public static void run(int n) throws Exception {
        int rawRecords = Math.max(n, 200_000);
        rawProduce("bench-warm-up", rawRecords / 10);
        String topic = "bench-raw-" + UUID.randomUUID().toString().substring(0, 6);
        double produce = rawProduce(topic, rawRecords);
        double consume = rawConsume(topic, rawRecords);
        System.out.printf("raw broker      produce %,10.0f rec/s   consume %,10.0f rec/s%n", produce, consume);

        Api enrollment = Api.local(ServiceSpec.ENROLLMENT.port());
        Api payments = Api.local(ServiceSpec.PAYMENT_INGEST.port());
        Api subsidy = Api.local(ServiceSpec.SUBSIDY.port());
        Api reporting = Api.local(ServiceSpec.REPORTING.port());
        String run = UUID.randomUUID().toString().substring(0, 6);
        String township = "基准镇" + run;
        check(subsidy.put("admin", "/api/v1/policies/" + YEAR, "application/json",
                "{\"tiers\":[{\"tier\":1,\"contribution\":\"350.00\"}],\"window\":{\"opens\":\"2024-09-01\",\"closes\":\"2024-12-31\"}}"));
        check(reporting.put("admin", "/api/v1/campaigns/" + YEAR, "text/csv",
                "unit_name,unit_kind,target\n" + township + ",township," + n + "\n"));
        Thread.sleep(2000);

        List<IdNumber> people = new ArrayList<>(n);
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(Math.abs(run.hashCode()) % 9000);
        for (int i = 0; i < n; i++) {
            people.add(IdNumber.of("439999", born.plusDays(i / 1000), i % 1000));
        }
        Instant start = Instant.now();
        post(enrollment, "public-security", "/api/v1/residents", people.stream().map(id ->
                "{\"idNumber\":\"" + id.value() + "\",\"name\":\"基准" + id.value().substring(14) + "\",\"householdId\":\"B"
                        + run + "\",\"township\":\"" + township + "\"}").toList());
        report("roster over REST", n, start, produce);

        start = Instant.now();
        post(payments, "tax", "/api/v1/payments", java.util.stream.IntStream.range(0, n).mapToObj(i ->
                "{\"receiptId\":\"B" + run + "-" + i + "\",\"idNumber\":\"" + people.get(i).value() + "\",\"policyYear\":" + YEAR
                        + ",\"amount\":\"350.00\",\"channel\":\"WECHAT\",\"paidAt\":\"2024-10-01T10:00:00+08:00\"}").toList());
        report("payments over REST", n, start, produce);

        await("enrolled in reporting", n, () -> enrolled(reporting, township), start, produce);
    }

    /** The broker does not create topics on first use (the log is never created by accident): make the raw ones here. */
    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitWritable(topic);
    }

    /** A fresh topic takes a moment before every partition takes writes: one record to each, untimed, before the run. */
    private static void awaitWritable(String topic) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)))) {
                List<Future<RecordMetadata>> probes = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    probes.add(producer.send(new ProducerRecord<>(topic, p, "probe", "probe")));
                }
                for (Future<RecordMetadata> probe : probes) {
                    probe.get();
                }
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt == 5) {
                    throw e;
                }
                System.out.println("topic " + topic + " not writable yet, waiting: " + e.getCause().getMessage());
            }
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        config.putAll(extra);
        return config;
    }

    static double rawProduce(String topic, int n) throws Exception {
        createTopic(topic);
        Map<String, Object> config = producerConfig(Map.of());
        String value = "x".repeat(200);
        Instant start = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i), value)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        return n / seconds(start);
    }

    static double rawConsume(String topic, int n) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Instant start = Instant.now();
        long seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (seen < n + PARTITIONS && Duration.between(start, Instant.now()).toSeconds() < 120) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return n / seconds(start);
    }

    private static long enrolled(Api reporting, String township) {
        Api.Answer answer = reporting.get("supervisor", "/api/v1/campaigns/" + YEAR + "/progress");
        return answer.status() == 200 ? answer.json().get("total").get("enrolled").asLong() : 0;
    }

    private static void await(String stage, int n, LongSupplier count, Instant start, double raw) throws InterruptedException {
        while (count.getAsLong() < n) {
            if (Duration.between(start, Instant.now()).toMinutes() >= 10) {
                throw new IllegalStateException(stage + ": only " + count.getAsLong() + " of " + n + " after 10 minutes");
            }
            Thread.sleep(250);
        }
        report(stage + " (from first payment)", n, start, raw);
    }

    private static void report(String stage, int n, Instant start, double raw) {
        double rate = n / seconds(start);
        System.out.printf("%-40s %,10.0f rec/s   %.3f of raw produce   (%d in %.1f s)%n", stage, rate, rate / raw, n, seconds(start));
    }

    private static void post(Api service, String user, String path, List<String> lines) {
        for (int from = 0; from < lines.size(); from += BATCH) {
            check(service.post(user, path, "application/x-ndjson", String.join("\n", lines.subList(from, Math.min(lines.size(), from + BATCH)))));
        }
    }

    private static void check(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.status() + " " + answer.body());
        }
    }

    private static double seconds(Instant start) {
        return Math.max(1, Duration.between(start, Instant.now()).toMillis()) / 1000.0;
    }
}

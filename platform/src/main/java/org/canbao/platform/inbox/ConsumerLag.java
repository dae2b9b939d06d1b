package org.canbao.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Each consumer group's lag on each of its topics, from the broker's committed offsets (what the group has
 * confirmed) against the partitions' ends, every 15 seconds: {@code canbao_consumer_lag{group,topic}}. Measured on
 * the broker, not by the consumer, so a consumer that died shows a lag that grows instead of a last value of 0.
 */
@ApplicationScoped
public class ConsumerLag {
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String PREFIX = "mp.messaging.incoming.";

    private final Config config;
    private final MeterRegistry metrics;
    private final String bootstrapServers;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    public ConsumerLag(Config config, MeterRegistry metrics,
                       @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.config = config;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    /** Lag per "group topic", as last measured. */
    public Map<String, Long> lags() {
        Map<String, Long> now = new TreeMap<>();
        lags.forEach((k, v) -> now.put(k, v.get()));
        return now;
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        Map<String, Set<String>> topicsByGroup = channels();
        if (topicsByGroup.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            for (Map.Entry<String, Set<String>> group : topicsByGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(group.getValue()).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, d) ->
                        d.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
                Map<String, Long> lag = new HashMap<>();
                admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).forEach((partition, end) -> {
                    OffsetAndMetadata at = committed.get(partition);
                    lag.merge(partition.topic(), Math.max(0, end.offset() - (at == null ? 0 : at.offset())), Long::sum);
                });
                lag.forEach((topic, value) -> gauge(group.getKey(), topic).set(value));
            }
        } catch (Exception e) {
            LOG.debugf("consumer lag not measured: %s", e.getMessage());
        }
    }

    private AtomicLong gauge(String group, String topic) {
        return lags.computeIfAbsent(group + " " + topic, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("canbao.consumer.lag", value, AtomicLong::get).tags(Tags.of("group", group, "topic", topic))
                    .description("records on the topic that the group has not committed").register(metrics);
            return value;
        });
    }

    /** The consumer groups of this service's incoming Kafka channels, with their topics. */
    private Map<String, Set<String>> channels() {
        Map<String, Set<String>> byGroup = new TreeMap<>();
        Set<String> channels = java.util.stream.StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(n -> n.startsWith(PREFIX) && n.endsWith(".group.id"))
                .map(n -> n.substring(PREFIX.length(), n.length() - ".group.id".length())).collect(Collectors.toSet());
        for (String channel : channels) {
            String group = config.getOptionalValue(PREFIX + channel + ".group.id", String.class).orElse(null);
            String topic = config.getOptionalValue(PREFIX + channel + ".topic", String.class).orElse(channel);
            if (group != null) {
                byGroup.computeIfAbsent(group, g -> new java.util.TreeSet<>()).add(topic);
            }
        }
        return byGroup;
    }
}

package org.canbao.platform.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.canbao.contracts.EventType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Canbao's topics are its log: every projection is rebuilt from their offset zero. At start-up this creates the
 * missing ones ({@code canbao.topics.create}, on by default) with the configured partitions and unlimited
 * retention, then checks every one: a topic that is missing, keeps records for a limited time or size, or has
 * fewer partitions than configured keeps readiness DOWN with the reason, rechecked every 30 seconds.
 * It never changes a topic that exists: shortening or lengthening retention is the operator's decision.
 */
@Readiness
@ApplicationScoped
public class TopicGuard implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(TopicGuard.class);

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private static final String MISSING_HINT = " partitions)";
    private final CanbaoConfig config;
    private volatile List<String> problems = List.of("topics not checked yet");

    public TopicGuard(CanbaoConfig config) {
        this.config = config;
    }

    /** Every event topic, its dead-letter topic, and the service's extra topics. */
    public List<String> topics() {
        return Stream.concat(Arrays.stream(EventType.values()).flatMap(t -> Stream.of(t.topic(), t.topic() + ".dead-letter")),
                config.topics().extra().orElse(List.of()).stream()).distinct().toList();
    }

    void onStart(@Observes StartupEvent event) {
        check();
    }

    @Scheduled(every = "30s", delayed = "30s")
    void recheck() {
        if (!problems.isEmpty()) {
            check();
        }
    }

    synchronized void check() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000))) {
            boolean created = config.topics().create() && createMissing(admin);
            problems = problems(admin);
            // a topic just created may not be in every broker's metadata yet: look again for a few seconds
            for (int i = 0; created && i < 30 && problems.stream().anyMatch(p -> p.endsWith(MISSING_HINT)); i++) {
                Thread.sleep(500);
                problems = problems(admin);
            }
        } catch (Exception e) {
            problems = List.of("cannot check the topics on " + bootstrapServers + ": " + e.getMessage());
        }
        problems.forEach(p -> LOG.errorf("not ready: %s", p));
    }

    /** Whether any topic was created. */
    private boolean createMissing(Admin admin) throws InterruptedException {
        boolean created = false;
        List<NewTopic> topics = topics().stream()
                .map(t -> new NewTopic(t, config.topics().partitions(), config.topics().replicationFactor())
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))
                .toList();
        for (var entry : admin.createTopics(topics).values().entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
                LOG.infof("created topic %s", entry.getKey());
                created = true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    LOG.warnf("topic %s not created: %s", entry.getKey(), e.getCause().getMessage());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warnf("topic %s not created in time", entry.getKey());
            }
        }
        return created;
    }

    private List<String> problems(Admin admin) throws Exception {
        List<String> wanted = topics();
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        var existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
        for (String topic : wanted) {
            if (existing.contains(topic)) {
                found.add(topic);
            } else {
                missing.add("topic " + topic + " is missing (broker auto-creation is off; create it with retention.ms=-1 and "
                        + config.topics().partitions() + MISSING_HINT);
            }
        }
        if (found.isEmpty()) {
            return missing;
        }
        List<String> problems = new ArrayList<>();
        Map<String, TopicDescription> descriptions = admin.describeTopics(found).allTopicNames().get(20, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(found.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(20, TimeUnit.SECONDS);
        for (String topic : found) {
            Config topicConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            long retentionMs = value(topicConfig, "retention.ms");
            long retentionBytes = value(topicConfig, "retention.bytes");
            if (retentionMs >= 0) {
                problems.add("topic " + topic + " keeps records for " + retentionMs / 3_600_000 + " hours (retention.ms="
                        + retentionMs + "); Canbao rebuilds from offset zero and needs retention.ms=-1");
            }
            if (retentionBytes >= 0) {
                problems.add("topic " + topic + " keeps only " + retentionBytes + " bytes per partition (retention.bytes); "
                        + "Canbao needs retention.bytes=-1");
            }
            String cleanup = topicConfig.get("cleanup.policy") == null ? "delete" : topicConfig.get("cleanup.policy").value();
            if (cleanup.contains("compact")) {
                problems.add("topic " + topic + " is compacted (cleanup.policy=" + cleanup + "); Canbao needs every event kept");
            }
            int partitions = descriptions.get(topic).partitions().size();
            if (partitions < config.topics().partitions()) {
                problems.add("topic " + topic + " has " + partitions + " partitions, fewer than the configured "
                        + config.topics().partitions());
            }
        }
        problems.addAll(missing); // a wrong setting on a topic that exists first: it will not fix itself
        return problems;
    }

    private static long value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? -1 : Long.parseLong(entry.value());
    }

    @Override
    public HealthCheckResponse call() {
        List<String> now = problems;
        var response = HealthCheckResponse.named("canbao-topics").status(now.isEmpty());
        for (int i = 0; i < Math.min(now.size(), 5); i++) {
            response.withData("problem-" + (i + 1), now.get(i));
        }
        if (now.size() > 5) {
            response.withData("more-problems", now.size() - 5);
        }
        return response.build();
    }
}

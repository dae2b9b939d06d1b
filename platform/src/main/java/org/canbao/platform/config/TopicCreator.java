package org.canbao.platform.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.canbao.contracts.EventType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the event topics at start-up with the configured partitions and unlimited retention, so every
 * projection can be rebuilt from offset zero. Creating a topic that exists is a no-op.
 */
@ApplicationScoped
public class TopicCreator {
    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    void onStart(@Observes StartupEvent event, CanbaoConfig config) {
        List<NewTopic> topics = Stream.concat(Arrays.stream(EventType.values()).map(EventType::topic),
                        config.topics().extra().orElse(List.of()).stream())
                .map(t -> new NewTopic(t, config.topics().partitions(), config.topics().replicationFactor())
                        .configs(Map.of("retention.ms", "-1")))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("topic %s not created: %s", entry.getKey(), e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("could not create topics on %s: %s", bootstrapServers, e.getMessage());
        }
    }
}

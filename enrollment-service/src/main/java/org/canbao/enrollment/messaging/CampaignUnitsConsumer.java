package org.canbao.enrollment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.EventType;
import org.canbao.enrollment.persistence.KnownUnit;
import org.canbao.platform.inbox.ConsumerBatches;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns the unit names of every campaign, so roster lines naming an unknown township are caught. A roster
 * that names a place not known yet first waits (briefly) until this consumer has read every campaign on the
 * bus: a campaign defined a moment ago must not make its own townships look unknown.
 */
@ApplicationScoped
public class CampaignUnitsConsumer {
    private static final Logger LOG = Logger.getLogger(CampaignUnitsConsumer.class);
    private static final String TOPIC = EventType.CAMPAIGN_DEFINED.topic();

    private final ConsumerBatches batches;
    private final String bootstrapServers;
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();

    public CampaignUnitsConsumer(ConsumerBatches batches,
                                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.batches = batches;
        this.bootstrapServers = bootstrapServers;
    }

    @Incoming("campaign-defined")
    @Blocking
    public void onCampaigns(ConsumerRecords<String, String> batch) {
        batches.apply(TOPIC, batch, CampaignDefined.class, CampaignUnitsConsumer::learn);
        Map<Integer, Long> read = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            read.merge(record.partition(), record.offset() + 1, Math::max);
        }
        read.forEach((p, o) -> nextOffsets.merge(p, o, Math::max));
    }

    private static void learn(List<CampaignDefined> campaigns) {
        for (CampaignDefined campaign : campaigns) {
            for (CampaignDefined.Unit unit : campaign.units()) {
                KnownUnit known = KnownUnit.findById(unit.name());
                if (known == null) {
                    known = new KnownUnit();
                    known.name = unit.name();
                }
                known.kind = unit.kind();
                known.policyYear = campaign.policyYear();
                known.region = unit.region() != null ? unit.region() : campaign.region();
                known.parent = unit.parent();
                known.persist();
            }
        }
    }

    /** Waits until every campaign on the bus now has been read, or {@code timeout} passed; then the known names. */
    public Set<String> knownUnitsAfterCatchingUp(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = probe.partitionsFor(TOPIC, timeout).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions, timeout);
            while (Instant.now().isBefore(deadline) && ends.entrySet().stream()
                    .anyMatch(e -> nextOffsets.getOrDefault(e.getKey().partition(), 0L) < e.getValue())) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("could not check for new campaigns: %s", e.getMessage());
        }
        return KnownUnit.names();
    }
}

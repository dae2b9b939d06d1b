package org.canbao.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.canbao.contracts.EventType;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.canbao.platform.eventstore.TableSwitch;
import org.canbao.reporting.persistence.ProjectionWriter;
import org.canbao.reporting.service.ProgressBroadcaster;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the coverage projection from the topics, from offset zero, into fresh tables in a schema of their
 * own, while the live tables keep answering queries and taking events. When the fresh tables have caught up
 * with the end of every partition, it takes the tables lock exclusively (live batches hold it shared), reads
 * what arrived meanwhile, and moves the fresh tables in and the old ones out in one transaction. Live batches
 * after the switch find the fresh tables' stream positions, so nothing is applied twice or left out.
 */
@ApplicationScoped
public class ProjectionRebuild implements ProjectionRebuilder {
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final List<EventType> INPUTS = List.of(EventType.IDENTITY_VERIFIED, EventType.STATUS_CHANGED,
            EventType.ENTITLEMENT_CHANGED, EventType.PERSON_EXCLUDED, EventType.PAYMENT_RECEIVED, EventType.PAYMENT_REVERSED);

    private final DataSource dataSource;
    private final ProgressBroadcaster broadcaster;
    private final String bootstrapServers;
    private final int writers;
    /** Records a poll reads, each poll a commit of each writer (a fault test makes them few, to stop a rebuild half-way). */
    private final int pollRecords;

    public ProjectionRebuild(DataSource dataSource, ProgressBroadcaster broadcaster,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "canbao.rebuild.writers", defaultValue = "2") int writers,
                             @ConfigProperty(name = "canbao.rebuild.poll-records", defaultValue = "2000") int pollRecords) {
        this.dataSource = dataSource;
        this.broadcaster = broadcaster;
        this.bootstrapServers = bootstrapServers;
        this.writers = Math.max(1, writers);
        this.pollRecords = Math.max(1, pollRecords);
    }

    @Override
    public synchronized Result rebuild() throws SQLException {
        long started = System.nanoTime();
        long events;
        try (Connection c = dataSource.getConnection(); KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventType input : INPUTS) {
                consumer.partitionsFor(input.topic(), Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            try {
                events = TableSwitch.rebuild(c, ProjectionWriter.TABLES, underLock -> {
                    long read = catchUp(c, consumer, consumer.endOffsets(partitions), underLock);
                    if (!underLock) {
                        LOG.infof("rebuild caught up with %d events, switching over", read);
                    }
                    return read;
                });
            } finally {
                RebuildWriters.execute(c, RebuildWriters.FLUSH_WAIT); // after a failure too: the pool gets the connection back as it lent it
            }
        }
        broadcaster.projectionChanged();
        Result result = Result.of("topics from offset zero", events, started);
        LOG.infof("rebuilt the coverage projection from %d events in %.1f s (%d events/s)", events, result.seconds(),
                result.eventsPerSecond());
        return result;
    }

    /**
     * Reads up to these offsets with the configured writers ({@link RebuildWriters}), a transaction per poll and
     * writer, or (under the switch lock) all on the caller's connection in its one transaction.
     */
    private long catchUp(Connection c, KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends,
                         boolean underLock) throws SQLException {
        long events = 0;
        try (RebuildWriters writing = underLock ? RebuildWriters.alone(c) : RebuildWriters.open(dataSource, c, writers)) {
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                writing.write(records);
                events += records.count();
            }
            writing.awaitAll();
        }
        if (!underLock) {
            RebuildWriters.execute(c, RebuildWriters.FLUSH_WAIT); // the switch commits durably
        }
        return events;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reporting-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(pollRecords),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "4194304",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}

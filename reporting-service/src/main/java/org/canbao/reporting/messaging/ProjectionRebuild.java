package org.canbao.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventType;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.canbao.platform.eventstore.TableSwitch;
import org.canbao.platform.inbox.Inbox;
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

    /**
     * The first pass's commits do not wait for the log to reach the disk: a crash loses only fresh tables, which a
     * rebuild empties when it starts; the switch commits with the setting reset, durably.
     */
    private static final String NO_FLUSH_WAIT = "set synchronous_commit to off";
    private static final String FLUSH_WAIT = "reset synchronous_commit";

    private final DataSource dataSource;
    private final ProgressBroadcaster broadcaster;
    private final String bootstrapServers;
    private final int writers;

    public ProjectionRebuild(DataSource dataSource, ProgressBroadcaster broadcaster,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "canbao.rebuild.writers", defaultValue = "2") int writers) {
        this.dataSource = dataSource;
        this.broadcaster = broadcaster;
        this.bootstrapServers = bootstrapServers;
        this.writers = Math.max(1, writers);
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
                execute(c, FLUSH_WAIT); // after a failure too: the pool gets the connection back as it lent it
            }
        }
        broadcaster.projectionChanged();
        Result result = Result.of("topics from offset zero", events, started);
        LOG.infof("rebuilt the coverage projection from %d events in %.1f s (%d events/s)", events, result.seconds(),
                result.eventsPerSecond());
        return result;
    }

    /**
     * Reads up to these offsets; a transaction per poll and writer, or (under the switch lock) all in the caller's one.
     * Each poll's records go to writers by record key (the person: every stream's events have one), each writer
     * reading its share as events and writing it on a connection of its own, while this thread polls the next.
     * Profiled, one thread decoding and one writing kept the two cores 40 % idle: each waited on the other, and on
     * PostgreSQL, in turn. A person's events keep their order: they reach one writer, poll after poll.
     */
    private long catchUp(Connection c, KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends,
                         boolean underLock) throws SQLException {
        if (underLock) {
            return catchUp(List.of(c), consumer, ends, false);
        }
        List<Connection> connections = new ArrayList<>(List.of(c));
        List<String> ownPaths = new ArrayList<>();
        String path = searchPath(c);
        try {
            execute(c, NO_FLUSH_WAIT);
            for (int i = 1; i < writers; i++) {
                Connection extra = dataSource.getConnection();
                connections.add(extra);
                ownPaths.add(searchPath(extra));
                execute(extra, "set search_path to " + path);
                execute(extra, NO_FLUSH_WAIT);
                extra.setAutoCommit(false);
            }
            long read = catchUp(connections, consumer, ends, true);
            execute(c, FLUSH_WAIT); // the switch commits durably
            return read;
        } finally {
            for (int i = 1; i < connections.size(); i++) {
                try (Connection extra = connections.get(i)) {
                    extra.rollback();
                    extra.setAutoCommit(true);
                    execute(extra, FLUSH_WAIT);
                    if (i - 1 < ownPaths.size()) {
                        execute(extra, "set search_path to " + ownPaths.get(i - 1));
                    }
                }
            }
        }
    }

    private static long catchUp(List<Connection> connections, KafkaConsumer<String, String> consumer,
                                Map<TopicPartition, Long> ends, boolean commitEachPoll) throws SQLException {
        int n = connections.size();
        long events = 0;
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> new Thread(r, "reporting-rebuild-writer"));
        try {
            List<Future<?>> writing = List.of();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                List<Map<String, List<String>>> shares = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    shares.add(new LinkedHashMap<>());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    int writer = record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), n);
                    shares.get(writer).computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
                    events++;
                }
                awaitAll(writing);
                List<Future<?>> next = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Connection c = connections.get(i);
                    Map<String, List<String>> share = shares.get(i);
                    next.add(pool.submit(() -> {
                        for (Map.Entry<String, List<String>> topic : share.entrySet()) {
                            Decoded.of(topic.getKey(), topic.getValue()).apply(c);
                        }
                        if (commitEachPoll) {
                            c.commit();
                        }
                        return null;
                    }));
                }
                writing = next;
            }
            awaitAll(writing);
        } finally {
            finish(pool);
        }
        return events;
    }

    private static String searchPath(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show search_path")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void awaitAll(List<Future<?>> writing) throws SQLException {
        for (Future<?> w : writing) {
            await(w);
        }
    }

    /** Lets a write in flight end before the caller commits or rolls back on the same connection. */
    private static void finish(ExecutorService writer) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.error("rebuild writer still busy after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(Future<?> writing) throws SQLException {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What writes a topic's admitted events into the projection tables. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(Connection c, List<T> events) throws SQLException;
    }

    /** A poll's records of one topic, decoded, with the writer of that topic. */
    private record Decoded<T extends CanbaoEvent>(Inbox.Batch<T> batch, Writer<T> writer) {
        static Decoded<?> of(String topic, List<String> records) {
            return switch (topic) {
                case "identity-verified" -> new Decoded<>(Inbox.decode(records, IdentityVerified.class), ProjectionWriter::persons);
                case "status-changed" -> new Decoded<>(Inbox.decode(records, StatusChanged.class), ProjectionWriter::statusChanges);
                case "entitlement-changed" -> new Decoded<>(Inbox.decode(records, EntitlementChanged.class), ProjectionWriter::entitlements);
                case "person-excluded" -> new Decoded<>(Inbox.decode(records, PersonExcluded.class), ProjectionWriter::exclusions);
                case "payment-received" -> new Decoded<>(Inbox.decode(records, PaymentReceived.class), ProjectionWriter::payments);
                case "payment-reversed" -> new Decoded<>(Inbox.decode(records, PaymentReversed.class), ProjectionWriter::reversals);
                default -> throw new IllegalStateException("not an input of the projection: " + topic);
            };
        }

        /**
         * A batch that fails is written again a record at a time, and a record that fails alone is left out, as the
         * live consumer left it out (it went to the dead letters when it was read): the rebuilt figures are the live ones.
         */
        void apply(Connection c) throws SQLException {
            if (write(c, batch) == null) {
                return;
            }
            for (Inbox.Batch<T> single : batch.each()) {
                Exception failed = write(c, single);
                if (failed != null) {
                    LOG.warnf("rebuild left out a record no consumer can apply (a dead letter when read live): %s",
                            IdNumber.scrub(failed.getClass().getSimpleName() + ": " + failed.getMessage()));
                }
            }
        }

        /**
         * Writes under a savepoint; on a failure of the events (not of the database: a data or constraint error, or
         * one in Java), back to it, and the failure.
         */
        private Exception write(Connection c, Inbox.Batch<T> events) throws SQLException {
            Savepoint before = c.setSavepoint();
            try {
                writer.write(c, Inbox.admitAlone(c, events));
                c.releaseSavepoint(before);
                return null;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (!state.startsWith("22") && !state.startsWith("23")) {
                    throw e;
                }
                c.rollback(before);
                return e;
            } catch (RuntimeException e) {
                c.rollback(before);
                return e;
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reporting-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "4194304",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}

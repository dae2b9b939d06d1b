package org.canbao.platform.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canbao.contracts.EventEnvelope;
import org.canbao.platform.config.CanbaoConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the event store to Kafka in (transaction id, position) order, a batch per transaction, and remembers
 * in {@code relay_checkpoint} how far the broker acknowledged. It reads only events of transactions below the
 * snapshot's xmin: every transaction below it has ended, so no event can still commit behind the checkpoint, and
 * none is ever skipped. One relay per service sends at a time, however many replicas run: a batch runs under a
 * transaction-scoped advisory lock, and a replica that cannot take it stands by. At least once: a crash between
 * the acknowledgement and the checkpoint sends a batch again, and consumers drop what they already hold.
 * Its backlog, the events stored but not yet acknowledged, is the gauge {@code canbao_relay_backlog}. Each send
 * continues the trace its event was appended in ({@code trace_parent}), so a trace runs from REST to the consumers.
 */
@ApplicationScoped
public class EventRelay {
    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(hashtext(current_schema() || '/event-relay'))";
    private static final String CHECKPOINT = "select tx_id::text, position from relay_checkpoint where relay = 'kafka'";
    /**
     * Ordered by the table's columns, qualified: a bare {@code tx_id} in the order by named the output column
     * {@code tx_id::text}, so the store was sorted as text ("10000" before "9999") on a sort of every waiting event
     * instead of read in the relay index's order (a parallel sort at rest, 33 ms a poll; 740 ms with 100,000 waiting).
     */
    private static final String NEXT = "select e.position, e.tx_id::text, e.topic, e.record_key, e.payload, e.trace_parent "
            + "from event_store e where (e.tx_id, e.position) > (?::xid8, ?) and e.tx_id < pg_snapshot_xmin(pg_current_snapshot()) "
            + "order by e.tx_id, e.position limit ?";
    /**
     * The events after the checkpoint, on the relay index: the checkpoint as sub-selects (evaluated once) and the index's
     * order with a limit. Joined to relay_checkpoint, the planner read the whole store for every kick (a second at a
     * county's scale, full-scale season of 3 December), as it did for a count estimated at a third of the table.
     */
    private static final String AFTER_CHECKPOINT = "from event_store where (tx_id, position) > ("
            + "(select tx_id from relay_checkpoint where relay = 'kafka'), (select position from relay_checkpoint where relay = 'kafka')) "
            + "order by tx_id, position";
    private static final String WAITING = "select 1 " + AFTER_CHECKPOINT + " limit 1";
    private static final String ADVANCE = "update relay_checkpoint set tx_id = ?::xid8, position = ? where relay = 'kafka'";
    /**
     * Counted exactly up to 1,000 on the index (a limit well below the planner's estimate, a third of the store, keeps
     * the count there: at 100,000 a store of 300,000 events was read whole every 15 s). Beyond that, the distance from
     * the checkpoint's position to the last position drawn, an estimate (positions are drawn before their transactions
     * commit, and rolled-back ones leave gaps): counting 10,000 waiting events fetched each row's heap page to check
     * its visibility, 57 ms at rest and 301 ms a count in the full-scale season of 6 December. The last position is the
     * sequence's: the store's {@code max(position)} stepped back over every event of the transactions still writing
     * (331 ms a call in subsidy-service's full-scale season, 1.8 s at worst).
     */
    static final int COUNTED = 1_000;
    private static final String BACKLOG = "select case when n < " + COUNTED + " then n else greatest(n, "
            + "(select last_value from event_store_position_seq) - (select position from relay_checkpoint where relay = 'kafka')) end "
            + "from (select count(*) n from (select 1 " + AFTER_CHECKPOINT + " limit " + COUNTED + ") b) c";

    private final DataSource dataSource;
    private final CanbaoConfig config;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "event-relay"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean stopping;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
    MutinyEmitter<String> emitter;

    /** An event waiting to be sent: where it is in the store, and what goes to the broker. */
    public record Row(long position, String txId, String topic, String key, String payload, String traceParent) {
    }

    public EventRelay(DataSource dataSource, CanbaoConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        Gauge.builder("canbao.relay.backlog", backlog, AtomicLong::get)
                .description("events in the event store that the relay has not yet had acknowledged by Kafka")
                .register(metrics);
    }

    /** Asks for a drain soon; many asks while one is pending make one drain. */
    public void kick() {
        if (!stopping && pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /**
     * Sends everything committed so far before returning, for the rare write whose caller must find its event
     * on the bus at once (a campaign definition that other services check input against).
     */
    public void flush() {
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        try {
            // until nothing committed waits, also behind a transaction that was still in flight
            while (worker.submit((java.util.concurrent.Callable<Integer>) this::relayBatch).get(config.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS) != 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("relay flush incomplete, the relay will go on: %s", e.getMessage());
        }
    }

    /**
     * The backstop: a lost kick, another replica that stopped relaying. Skipped until the application runs: created
     * earlier, this bean would find its channel not connected yet.
     */
    @Scheduled(every = "${canbao.relay.poll-interval:1s}", delayed = "2s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        kick();
    }

    /** Counted apart from the relay's worker, so a relay stuck on a send still shows its backlog growing. */
    @Scheduled(every = "15s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measureBacklog() {
        try (Connection c = dataSource.getConnection()) {
            backlog.set(backlog(c));
        } catch (SQLException e) {
            LOG.debugf("relay backlog not measured: %s", e.getMessage());
        }
    }

    /** The events waiting in the store on this connection: exact below {@link #COUNTED}, estimated above. */
    public static long backlog(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BACKLOG); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdown();
    }

    private void drain() {
        pending.set(false);
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.relay().batchSize());
            if (sent < 0 && !stopping) {
                worker.schedule(this::kick, 20, TimeUnit.MILLISECONDS);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("event relay paused, will retry: %s", e.getMessage());
        }
    }

    /**
     * One batch in a JDBC transaction of its own, outside JTA (the sends complete on the producer's threads, and a
     * JTA transaction must not be carried there); 0 when nothing is waiting or another replica holds the relay,
     * -1 when committed events wait behind a transaction still in flight.
     */
    public int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = relayBatch(c);
                c.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private int relayBatch(Connection c) throws SQLException {
        List<Row> batch = next(c);
        if (batch == null) {
            return 0; // another replica relays
        }
        if (batch.isEmpty()) {
            return waiting(c) ? -1 : 0;
        }
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        Uni.join().all(sends).andFailFast().await().atMost(config.relay().sendTimeout());
        Row last = batch.get(batch.size() - 1);
        try (PreparedStatement s = c.prepareStatement(ADVANCE)) {
            s.setString(1, last.txId());
            s.setLong(2, last.position());
            s.executeUpdate();
        }
        return batch.size();
    }

    /** Whether events committed after the checkpoint wait for an older transaction to end (the xmin). */
    private static boolean waiting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WAITING); ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }

    /** The next batch after the checkpoint, or null when another replica holds the relay. */
    private List<Row> next(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(TRY_LOCK); ResultSet locked = lock.executeQuery()) {
            if (!locked.next() || !locked.getBoolean(1)) {
                return null;
            }
        }
        String txId;
        long position;
        try (PreparedStatement s = c.prepareStatement(CHECKPOINT); ResultSet at = s.executeQuery()) {
            at.next();
            txId = at.getString(1);
            position = at.getLong(2);
        }
        return after(c, txId, position, config.relay().batchSize());
    }

    /** Up to {@code limit} events after this transaction id and position, in the order the relay sends them. */
    public static List<Row> after(Connection c, String txId, long position, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(NEXT)) {
            s.setString(1, txId);
            s.setLong(2, position);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6)));
                }
            }
        }
        return rows;
    }

    private Uni<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(row.payload()).addMetadata(metadata);
        // the send's span continues the trace of the request or record that appended the event
        io.opentelemetry.context.Context appended = TraceParent.context(row.traceParent());
        return emitter.sendMessage(appended == null ? message : message.addMetadata(TracingMetadata.withCurrent(appended)));
    }
}

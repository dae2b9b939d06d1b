package org.canbao.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.contracts.EventType;
import org.canbao.platform.persistence.AdvisoryLocks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The service's source of truth: appends events to their streams in the caller's transaction, next to the
 * projection rows written from them, and hands them to the {@link EventRelay} once that transaction committed.
 *
 * <p>Appends are buffered and written as one JDBC batch when the caller calls {@link #flush()}, or at the latest
 * just before the transaction commits. Each gets the next version of its stream; {@code unique (stream, version)}
 * fails a concurrent append to the same version ({@link ConcurrentAppendException}). A writer calls
 * {@link #lock} on the streams it will append to before its transaction writes anything: the transaction's id is
 * then assigned after every earlier writer of those streams committed, so a stream's versions rise with the
 * transaction ids the relay sends by. The flush checks that this held and refuses to commit otherwise.
 */
@ApplicationScoped
public class EventStore {
    private static final String PENDING = EventStore.class.getName() + ".pending";
    /**
     * Each stream's last version on each topic, by index probes per stream (as {@link #LATER_WRITER}): written as
     * {@code stream = any(?)}, the custom plan for a batch of 2,000 streams was a parallel sequential scan of the whole
     * store (607 ms at a county's scale, 108 ms a call on average over payment-ingest's REST batches of a full season),
     * the generic one a bitmap scan (237 ms); this way 22 ms.
     */
    private static final String HEADS = "select k.stream, h.topic, h.version from unnest(?::text[]) k(stream) cross join lateral "
            + "(select e.topic, max(e.version) as version from event_store e where e.stream = k.stream group by e.topic) h";
    private static final String INSERT = "insert into event_store (stream, version, event_id, type, topic, record_key, "
            + "payload, private_data, trace_parent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * One index probe per stream: a lateral sub-select with a limit cannot be turned into a join. Written as a join, the
     * plan PostgreSQL caches for a prepared statement (it expects ten streams) hashed the streams and read the whole
     * store (about a second a call at a county's scale, full-scale season of 3 December); with
     * {@code tx_id > pg_current_xact_id()} alone it walked the relay index through every newer transaction's rows.
     */
    private static final String LATER_WRITER = "select k.stream from unnest(?::text[]) k(stream) cross join lateral "
            + "(select 1 from event_store e where e.stream = k.stream and e.tx_id > (select pg_current_xact_id()) limit 1) later "
            + "limit 1";
    /**
     * Rows sent per JDBC batch: the driver holds a batch's encoded records until it is sent, and a county's department
     * snapshot appends tens of thousands of events in one transaction (it ran enrollment-service out of a 160 MB heap).
     */
    private static final int WRITE_CHUNK = 1000;
    private static final String COLUMNS = "position, stream, version, type, topic, payload, private_data, recorded_at";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final AfterCommit afterCommit;
    private final EventRelay relay;
    private final String source;

    private record Append(String stream, CanbaoEvent event, String topic, String key, String record, String privateData) {
    }

    public EventStore(EntityManager em, TransactionSynchronizationRegistry transactions, AfterCommit afterCommit,
                      EventRelay relay, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.em = em;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.source = "/canbao/" + application;
    }

    /** Serialises the writers of these streams (or of the aggregates they belong to); call before any write. */
    public void lock(Collection<String> streams) {
        AdvisoryLocks.lock(em, streams);
    }

    /** A lock of its own on a key taken before the streams ({@link AdvisoryLocks#lockAlone}). */
    public void lockAlone(String key) {
        AdvisoryLocks.lockAlone(em, key);
    }

    public void append(String stream, CanbaoEvent event) {
        append(stream, event, null);
    }

    /** @param privateData what the service must keep but never publish (rebuilding its tables needs it), or null */
    public void append(String stream, CanbaoEvent event, Object privateData) {
        pending().add(new Append(stream, event, EventType.of(event).topic(), event.subject(), null, json(privateData)));
    }

    /** A record that is not a Canbao event (a rejected input record), stored and sent with the same guarantees. */
    public void appendRecord(String stream, String topic, String key, String record) {
        pending().add(new Append(stream, null, topic, key, record, null));
    }

    /** Writes what this transaction appended so far; a conflict surfaces here, in the caller's code. */
    public void flush() {
        List<Append> appends = pending();
        if (appends.isEmpty()) {
            return;
        }
        List<Append> batch = List.copyOf(appends);
        appends.clear();
        em.unwrap(Session.class).doWork(c -> write(c, batch));
    }

    private void write(Connection c, List<Append> batch) throws SQLException {
        String[] streams = batch.stream().map(Append::stream).distinct().toArray(String[]::new);
        Map<String, Long> streamHeads = new HashMap<>();
        Map<String, Long> topicHeads = new HashMap<>();
        try (PreparedStatement heads = c.prepareStatement(HEADS)) {
            heads.setArray(1, c.createArrayOf("text", streams));
            try (ResultSet rows = heads.executeQuery()) {
                while (rows.next()) {
                    streamHeads.merge(rows.getString(1), rows.getLong(3), Math::max);
                    topicHeads.put(rows.getString(1) + "\n" + rows.getString(2), rows.getLong(3));
                }
            }
        }
        String traceParent = TraceParent.current();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            int rows = 0;
            for (Append append : batch) {
                long version = streamHeads.merge(append.stream(), 1L, Long::sum);
                Long previous = topicHeads.put(append.stream() + "\n" + append.topic(), version);
                String id = UUID.randomUUID().toString();
                String record = append.record();
                String type = "record";
                if (append.event() != null) {
                    EventEnvelope envelope = EventCodec.envelope(source, append.event(), append.stream(), version,
                            previous == null ? 0L : previous);
                    id = envelope.id();
                    type = envelope.type();
                    record = EventCodec.write(envelope);
                }
                insert.setString(1, append.stream());
                insert.setLong(2, version);
                insert.setString(3, id);
                insert.setString(4, type);
                insert.setString(5, append.topic());
                insert.setString(6, append.key());
                insert.setString(7, record);
                insert.setString(8, append.privateData());
                insert.setString(9, traceParent);
                insert.addBatch();
                if (++rows % WRITE_CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || (e.getNextException() != null && "23505".equals(e.getNextException().getSQLState()))) {
                throw new ConcurrentAppendException("another transaction appended to the same stream first");
            }
            throw e;
        }
        try (PreparedStatement later = c.prepareStatement(LATER_WRITER)) {
            later.setArray(1, c.createArrayOf("text", streams));
            try (ResultSet rows = later.executeQuery()) {
                if (rows.next()) {
                    throw new ConcurrentAppendException("a later transaction committed to stream " + rows.getString(1)
                            + " first");
                }
            }
        }
    }

    /** Every event of these streams, in stream order, for history and explanation. */
    public List<StoredEvent> streams(Collection<String> streams) {
        List<StoredEvent> events = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from event_store where stream = any(?) "
                    + "order by position")) {
                s.setArray(1, c.createArrayOf("text", streams.toArray()));
                read(s, events::add);
            }
        });
        return events;
    }

    /** Reads the store from a position on, in position order, a page at a time: what a rebuild replays. */
    public static long readFrom(Connection c, long after, int limit, Consumer<StoredEvent> each) throws SQLException {
        long[] last = {after};
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from event_store where position > ? "
                + "order by position limit ?")) {
            s.setLong(1, after);
            s.setInt(2, limit);
            read(s, e -> {
                last[0] = e.position();
                each.accept(e);
            });
        }
        return last[0];
    }

    private static void read(PreparedStatement s, Consumer<StoredEvent> each) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Timestamp at = r.getTimestamp(8);
                each.accept(new StoredEvent(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), at.toInstant()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Append> pending() {
        List<Append> appends = (List<Append>) transactions.getResource(PENDING);
        if (appends == null) {
            List<Append> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        flush();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            afterCommit.once(EventRelay.class.getName(), relay::kick);
            appends = created;
        }
        return appends;
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("private event data not serialisable", e);
        }
    }
}

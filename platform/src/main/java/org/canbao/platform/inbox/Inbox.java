package org.canbao.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.contracts.EventType;
import org.canbao.platform.persistence.AdvisoryLocks;
import org.canbao.platform.config.CanbaoConfig;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The consumer half of exactly-once effects, in the caller's transaction: which events of a batch to apply, in
 * which order.
 *
 * <p>An event of a stream (it carries {@code stream}, {@code sequence}, {@code previous}) is applied only if it is
 * newer than the version this service holds for that stream on that topic ({@code stream_position}): a
 * redelivered, replayed or late event changes nothing. One whose {@code previous} is above what is held follows a
 * gap: it is parked ({@code parked_event}) and applied right after the event that fills the gap, never guessed.
 * The positions move in the same transaction as the effect, so {@code stream_position} grows with the streams,
 * not with the events.
 *
 * <p>An event without a stream version (written before the event stores) keeps the old rule: its id is marked in
 * {@code processed_event}, and only a first-seen id is applied. Those marks are deleted after
 * {@code canbao.inbox.retention} (30 days): only such old events, replayed later than that, could apply twice.
 *
 * <p>Before anything is written, the batch's streams and subjects are locked, so a transaction that goes on to
 * append events about the same persons has its transaction id only after theirs (see the event store).
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String MARK = "insert into processed_event(event_id) select unnest(?) "
            + "on conflict do nothing returning event_id";
    /*
     * One index probe per stream of the batch, as a lateral sub-select that the planner cannot turn into a join.
     * "stream = any(?)" let it look the topic up by the key's first column and filter every stream of it; a join
     * on unnest was hashed (the custom plan knows the batch has thousands of streams) with a sequential scan of
     * every position: at a county's scale, seconds a batch, and the rebuild slowed as its tables grew.
     */
    private static final String HELD = "select s.stream, p.version from unnest(?::text[]) as s(stream) "
            + "cross join lateral (select version from stream_position p where p.topic = ? and p.stream = s.stream "
            + "limit 1) p";
    /** Parked events are few (a lost event upstream): a join is fine there. */
    private static final String PARKED = "select p.stream, p.version, p.previous, p.record from unnest(?::text[]) as s(stream) "
            + "join parked_event p on p.topic = ? and p.stream = s.stream";
    private static final String MOVE = "insert into stream_position (topic, stream, version) "
            + "select ?, unnest(?::text[]), unnest(?::bigint[]) "
            + "on conflict (topic, stream) do update set version = excluded.version";
    private static final String PARK = "insert into parked_event (topic, stream, version, previous, record) "
            + "values (?, ?, ?, ?, ?) on conflict do nothing";
    private static final String UNPARK = "delete from parked_event where topic = ? and stream = ? and version = ?";

    private final EntityManager em;
    private final java.time.Duration retention;

    public Inbox(EntityManager em, CanbaoConfig config) {
        this.em = em;
        this.retention = config.inbox().retention();
    }

    /**
     * A record read as an event: its envelope's attributes, its payload, and the record as received. A consumer holds
     * a batch of these until its transaction ends, so the envelope keeps no JSON tree of the payload.
     */
    public record Decoded<T>(EventEnvelope envelope, T event, String record) {
        /** The record as an event of this type; {@link IllegalArgumentException} when it cannot be read as one. */
        public static <T extends CanbaoEvent> Decoded<T> of(String record, Class<T> type) {
            EventCodec.Read<T> read = EventCodec.readEvent(record, type);
            return new Decoded<>(read.envelope(), read.payload(), record);
        }
    }

    /** The events of a batch to apply, in order, as payloads of one type. */
    public <T extends CanbaoEvent> List<T> admit(List<String> records, Class<T> type) {
        return admit(decode(records, type));
    }

    /** The same for records already read. */
    public <T extends CanbaoEvent> List<T> admit(Batch<T> batch) {
        return em.unwrap(Session.class).doReturningWork(c -> admit(c, batch));
    }

    /**
     * The same on a given connection (a rebuild writes into fresh tables on its own). A record this reader cannot
     * read (not an event, a newer schema version, a broken payload) is logged and skipped rather than stopping
     * the channel for every event behind it.
     */
    public static <T extends CanbaoEvent> List<T> admit(Connection c, List<String> records, Class<T> type) throws SQLException {
        return admit(c, decode(records, type));
    }

    /** A batch's records read as events of one type, before any database work: a rebuild reads the next while it writes one. */
    public static final class Batch<T extends CanbaoEvent> {
        private final Class<T> type;
        private final List<Decoded<T>> decoded;

        private Batch(Class<T> type, List<Decoded<T>> decoded) {
            this.type = type;
            this.decoded = decoded;
        }

        /** Records already read, in order. */
        public static <T extends CanbaoEvent> Batch<T> of(Class<T> type, List<Decoded<T>> decoded) {
            return new Batch<>(type, decoded);
        }

        /** Each record as a batch of its own, in order: to find the one a batch failed on. */
        public List<Batch<T>> each() {
            return decoded.stream().map(d -> new Batch<>(type, List.of(d))).toList();
        }
    }

    /**
     * Of the events admitted, the last of each key, in the order the keys were first seen: a JDBC batch of upserts is
     * sent as one multi-row statement, which cannot touch a row twice, so a batch with several versions of one row
     * writes only the last (the inbox admits versions in order).
     */
    public static <T> Collection<T> lastPerKey(List<T> events, Function<T, String> key) {
        Map<String, T> last = new LinkedHashMap<>();
        events.forEach(e -> last.put(key.apply(e), e));
        return last.values();
    }

    /** Reads the records (the part of {@link #admit} that needs no connection); a record it cannot read is logged and left out. */
    public static <T extends CanbaoEvent> Batch<T> decode(List<String> records, Class<T> type) {
        List<Decoded<T>> decoded = new ArrayList<>(records.size());
        for (String record : records) {
            Decoded<T> d = decode(record, type);
            if (d != null) {
                decoded.add(d);
            }
        }
        return new Batch<>(type, decoded);
    }

    /** The events of a decoded batch to apply, in order. */
    public static <T extends CanbaoEvent> List<T> admit(Connection c, Batch<T> batch) throws SQLException {
        return admit(c, batch, true);
    }

    /**
     * The same for tables no other transaction writes (a rebuild's fresh ones), without locking the batch's keys: the
     * rebuild's writers, each with persons of its own, shared the locks' buckets, waited for each other and met in
     * deadlocks across a poll's topics. Nothing appends after it, so there is no transaction order to keep either.
     */
    public static <T extends CanbaoEvent> List<T> admitAlone(Connection c, Batch<T> batch) throws SQLException {
        return admit(c, batch, false);
    }

    private static <T extends CanbaoEvent> List<T> admit(Connection c, Batch<T> batch, boolean lock) throws SQLException {
        Class<T> type = batch.type;
        String topic = topicOf(type);
        List<Decoded<T>> decoded = batch.decoded;
        if (decoded.isEmpty()) {
            return List.of();
        }
        if (lock) {
            AdvisoryLocks.lock(c, lockKeys(decoded));
        }
        Set<String> fresh = mark(c, decoded.stream().filter(d -> !d.envelope().versioned()).map(d -> d.envelope().id()).toList());
        String[] streams = decoded.stream().filter(d -> d.envelope().versioned()).map(d -> d.envelope().stream())
                .distinct().toArray(String[]::new);
        Map<String, Long> held = streams.length == 0 ? new HashMap<>() : held(c, topic, streams);
        Map<String, TreeMap<Long, Parked>> parked = streams.length == 0 ? new HashMap<>() : parked(c, topic, streams);
        Map<String, Long> moved = new LinkedHashMap<>();
        List<T> admitted = new ArrayList<>();
        try (PreparedStatement park = c.prepareStatement(PARK); PreparedStatement unpark = c.prepareStatement(UNPARK)) {
            for (Decoded<T> d : decoded) {
                EventEnvelope e = d.envelope();
                if (!e.versioned()) {
                    if (fresh.remove(e.id())) {
                        admitted.add(d.event());
                    }
                    continue;
                }
                long at = held.getOrDefault(e.stream(), 0L);
                if (e.sequence() <= at) {
                    continue;
                }
                long previous = e.previous() == null ? 0L : e.previous();
                if (previous > at) {
                    LOG.warnf("%s: %s version %d waits for version %d (holding %d)", topic, e.stream(), e.sequence(), previous, at);
                    parked.computeIfAbsent(e.stream(), s -> new TreeMap<>()).put(e.sequence(), new Parked(previous, d.record()));
                    park.setString(1, topic);
                    park.setString(2, e.stream());
                    park.setLong(3, e.sequence());
                    park.setLong(4, previous);
                    park.setString(5, d.record());
                    park.addBatch();
                    continue;
                }
                admitted.add(d.event());
                at = e.sequence();
                TreeMap<Long, Parked> waiting = parked.getOrDefault(e.stream(), new TreeMap<>());
                for (Long stale : List.copyOf(waiting.headMap(at, true).keySet())) {
                    waiting.remove(stale);
                    unpark.setString(1, topic);
                    unpark.setString(2, e.stream());
                    unpark.setLong(3, stale);
                    unpark.addBatch();
                }
                for (var next = waiting.firstEntry(); next != null && next.getValue().previous() <= at; next = waiting.firstEntry()) {
                    waiting.pollFirstEntry();
                    Decoded<T> filled = decode(next.getValue().record(), type);
                    if (filled != null) {
                        admitted.add(filled.event());
                    }
                    at = next.getKey();
                    unpark.setString(1, topic);
                    unpark.setString(2, e.stream());
                    unpark.setLong(3, next.getKey());
                    unpark.addBatch();
                }
                held.put(e.stream(), at);
                moved.put(e.stream(), at);
            }
            park.executeBatch();
            unpark.executeBatch();
        }
        if (!moved.isEmpty()) {
            try (PreparedStatement move = c.prepareStatement(MOVE)) {
                move.setString(1, topic);
                move.setArray(2, c.createArrayOf("text", moved.keySet().toArray()));
                move.setArray(3, c.createArrayOf("bigint", moved.values().toArray()));
                move.executeUpdate();
            }
        }
        return admitted;
    }

    /** Events that wait for an earlier one, per topic: health shows them, since they mean a lost event upstream. */
    @Transactional
    public long parkedCount() {
        return ((Number) em.createNativeQuery("select count(*) from parked_event").getSingleResult()).longValue();
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void forgetOldMarks() {
        int gone = em.createNativeQuery("delete from processed_event where processed_at < now() - make_interval(secs => :s)")
                .setParameter("s", (double) retention.toSeconds()).executeUpdate();
        if (gone > 0) {
            LOG.infof("forgot %d processed-event marks older than %s", gone, retention);
        }
    }

    private static <T extends CanbaoEvent> Set<String> lockKeys(List<Decoded<T>> decoded) {
        Set<String> keys = new LinkedHashSet<>();
        for (Decoded<T> d : decoded) {
            keys.add(d.event().subject());
            if (d.envelope().versioned()) {
                keys.add(d.envelope().stream());
            }
        }
        return keys;
    }

    private record Parked(long previous, String record) {
    }

    private static String topicOf(Class<? extends CanbaoEvent> type) {
        for (EventType t : EventType.values()) {
            if (t.payload() == type) {
                return t.topic();
            }
        }
        throw new IllegalArgumentException("unregistered event " + type);
    }

    private static <T extends CanbaoEvent> Decoded<T> decode(String record, Class<T> type) {
        try {
            return Decoded.of(record, type);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipped a record this reader cannot read: %s", e.getMessage());
            return null;
        }
    }

    private static Map<String, Long> held(Connection c, String topic, String[] streams) throws SQLException {
        Map<String, Long> held = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(HELD)) {
            s.setArray(1, c.createArrayOf("text", streams));
            s.setString(2, topic);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    held.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return held;
    }

    private static Map<String, TreeMap<Long, Parked>> parked(Connection c, String topic, String[] streams) throws SQLException {
        Map<String, TreeMap<Long, Parked>> parked = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(PARKED)) {
            s.setArray(1, c.createArrayOf("text", streams));
            s.setString(2, topic);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    parked.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
                            .put(r.getLong(2), new Parked(r.getLong(3), r.getString(4)));
                }
            }
        }
        return parked;
    }

    private static Set<String> mark(Connection c, List<String> ids) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (ids.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement statement = c.prepareStatement(MARK)) {
            statement.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }
}

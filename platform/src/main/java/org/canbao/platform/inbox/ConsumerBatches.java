package org.canbao.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.eventstore.ConcurrentAppendException;
import org.canbao.platform.eventstore.EventStore;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's batch in a transaction of its own so that no batch can stop a channel for good. A transient
 * failure (the database unreachable or restarting, a deadlock, a concurrent append) is retried with back-off for
 * as long as it lasts: it is never dead-lettered, and a channel that has been retrying for longer than
 * {@link #STALLED} shows as stalled in readiness and in {@code canbao_channel_retrying_seconds} (0 while it moves). Any other failure
 * is retried twice, then the batch is split in halves until the records that fail alone are found; each of those
 * goes, with its reason, to {@code <topic>.dead-letter} through the event store, and the rest of the batch takes
 * effect. A record that cannot be read at all (not an event of the topic's type, a schema this reader does not
 * know) goes there before the batch is tried. A dead letter keeps the source partition and offset and the record
 * as it was received ({@code masked} says whether an ID number had to be masked in it), and
 * {@code canbao_dead_letters_total} counts them.
 */
@ApplicationScoped
public class ConsumerBatches {
    private static final Logger LOG = Logger.getLogger(ConsumerBatches.class);
    private static final int ATTEMPTS = 3;
    static final Duration STALLED = Duration.ofSeconds(30);

    private final EventStore store;
    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private final Map<String, Gauge> watched = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** Since when a channel has been retrying a transient failure, and the last one. */
    public record Retrying(Instant since, String reason) {
    }

    public ConsumerBatches(EventStore store, Inbox inbox, MeterRegistry metrics) {
        this.store = store;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** A record as received and as read, once: a profile showed a second reading at a quarter of what a consumer allocated. */
    private record Read<T>(ConsumerRecord<String, String> source, Inbox.Decoded<T> decoded) {
    }

    /**
     * A batch of one event type as the Kafka connector delivers it; the effect gets the events the inbox admits (in
     * order, none it already holds), the unreadable records left out.
     */
    public <T extends CanbaoEvent> void apply(String topic, ConsumerRecords<String, String> batch, Class<T> type,
                                              Consumer<List<T>> effect) {
        List<Read<T>> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, String> record : batch) {
            Inbox.Decoded<T> decoded = read(topic, record, type);
            if (decoded != null) {
                records.add(new Read<>(record, decoded));
            }
        }
        apply(topic, records, r -> r.source().value(), list -> effect.accept(
                inbox.admit(Inbox.Batch.of(type, list.stream().map(Read::decoded).toList()))));
    }

    /** The same for records of another shape; {@code raw} gives the text a dead letter keeps. */
    public <T> void apply(String topic, List<T> records, Function<T, String> raw, Consumer<List<T>> effect) {
        if (records.isEmpty()) {
            return;
        }
        for (int attempt = 1, waits = 0; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> effect.accept(records));
                retrying.remove(topic);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    // the application is going away (its database pool closing): not the record's fault. The batch
                    // is not acknowledged, so the instance that takes over the partition reads it again.
                    LOG.infof("%s: batch of %d left for the next owner of its partitions: shutting down", topic, records.size());
                    throw e;
                }
                if (transient_(e)) {
                    LOG.warnf("%s: batch of %d will be retried (wait %d): %s", topic, records.size(), ++waits, reason(e));
                    waitToRetry(topic, waits, e);
                    attempt = 0;
                } else if (attempt >= ATTEMPTS) {
                    split(topic, records, raw, effect, e);
                    return;
                } else {
                    LOG.warnf("%s: batch of %d failed, retrying (attempt %d): %s", topic, records.size(), attempt, reason(e));
                }
            }
        }
    }

    private void waitToRetry(String topic, int waits, RuntimeException e) {
        retrying.compute(topic, (t, r) -> new Retrying(r == null ? Instant.now() : r.since(), reason(e)));
        watched.computeIfAbsent(topic, t -> Gauge.builder("canbao.channel.retrying.seconds", retrying,
                m -> m.containsKey(t) ? Duration.between(m.get(t).since(), Instant.now()).toSeconds() : 0)
                .tags(Tags.of("topic", t)).register(metrics));
        pause(Duration.ofMillis(Math.min(5_000, 100L << Math.min(waits, 6))));
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Channels retrying a transient failure for longer than {@link #STALLED}: they are not moving. */
    public Map<String, Retrying> stalled() {
        Instant before = Instant.now().minus(STALLED);
        Map<String, Retrying> stalled = new TreeMap<>();
        retrying.forEach((topic, r) -> {
            if (r.since().isBefore(before)) {
                stalled.put(topic, r);
            }
        });
        return stalled;
    }

    /** Records each topic sent to its dead-letter topic since start, for health and metrics. */
    public Map<String, AtomicLong> deadLetters() {
        return deadLetters;
    }

    private <T> void split(String topic, List<T> records, Function<T, String> raw, Consumer<List<T>> effect,
                           RuntimeException failure) {
        if (records.size() == 1) {
            T record = records.get(0);
            ConsumerRecord<?, ?> source = record instanceof Read<?> r ? r.source() : record instanceof ConsumerRecord<?, ?> r ? r : null;
            deadLetter(topic, source, raw.apply(record), reason(failure));
            return;
        }
        int half = records.size() / 2;
        apply(topic, records.subList(0, half), raw, effect);
        apply(topic, records.subList(half, records.size()), raw, effect);
    }

    /** A record read as its event; null for one that cannot be, which goes to the dead letters at once. */
    private <T extends CanbaoEvent> Inbox.Decoded<T> read(String topic, ConsumerRecord<String, String> record, Class<T> type) {
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            return Inbox.Decoded.of(record.value(), type);
        } catch (IllegalArgumentException e) {
            deadLetter(topic, record, record.value(), IdNumber.scrub("unreadable: " + e.getMessage()));
            return null;
        }
    }

    private void deadLetter(String topic, ConsumerRecord<?, ?> source, String record, String reason) {
        String where = source == null ? "" : " (partition " + source.partition() + ", offset " + source.offset() + ")";
        LOG.errorf("%s: a record%s cannot be applied and goes to %s.dead-letter: %s", topic, where, topic, reason);
        String kept = record == null ? null : IdNumber.scrub(record);
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("topic", topic);
        letter.put("partition", source == null ? null : source.partition());
        letter.put("offset", source == null ? null : source.offset());
        letter.put("reason", reason);
        letter.put("record", kept);
        letter.put("masked", kept != null && !kept.equals(record));
        String stream = "dead-letter/" + topic + "/" + (source == null
                ? Integer.toHexString(String.valueOf(record).hashCode()) : source.partition() + "-" + source.offset());
        // a record is never skipped unrecorded: if the dead letter itself cannot be written, wait and write it again
        for (int waits = 1; ; waits++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    store.appendRecord(stream, topic + ".dead-letter", topic, json(letter));
                    store.flush();
                });
                break;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.errorf("%s: the dead letter cannot be written yet (wait %d): %s", topic, waits, reason(e));
                waitToRetry(topic, waits, e);
            }
        }
        deadLetters.computeIfAbsent(topic, t -> {
            AtomicLong count = new AtomicLong();
            metrics.more().counter("canbao.dead.letters", Tags.of("topic", t), count);
            return count;
        }).incrementAndGet();
    }

    static boolean transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentAppendException || lostRace(t)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** PostgreSQL failed this transaction to break a deadlock or a serialization conflict: sent again, it succeeds. */
    public static boolean lostRace(Throwable t) {
        return t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return IdNumber.scrub(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

package org.canbao.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.eventstore.ConcurrentAppendException;
import org.canbao.platform.eventstore.EventStore;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's batch in a transaction of its own so that no batch can stop a channel for good. A transient
 * failure (the database unreachable or restarting, a deadlock, a concurrent append) is retried with back-off for
 * as long as it lasts: it is never dead-lettered. Any other failure is retried twice, then the batch is split in
 * halves until the records that fail alone are found; each of those goes, with its reason, to
 * {@code <topic>.dead-letter} through the event store, and the rest of the batch takes effect.
 */
@ApplicationScoped
public class ConsumerBatches {
    private static final Logger LOG = Logger.getLogger(ConsumerBatches.class);
    private static final int ATTEMPTS = 3;

    private final EventStore store;
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();

    public ConsumerBatches(EventStore store) {
        this.store = store;
    }

    public void apply(String topic, List<String> records, Consumer<List<String>> effect) {
        apply(topic, records, record -> record, effect);
    }

    /** The same for records of another shape; {@code raw} gives the text a dead letter keeps. */
    public <T> void apply(String topic, List<T> records, Function<T, String> raw, Consumer<List<T>> effect) {
        if (records.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> effect.accept(records));
                return;
            } catch (RuntimeException e) {
                if (transient_(e)) {
                    LOG.warnf("%s: batch of %d will be retried (attempt %d): %s", topic, records.size(), attempt, reason(e));
                    pause(Duration.ofMillis(Math.min(5_000, 100L << Math.min(attempt, 6))));
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

    /** Records each topic sent to its dead-letter topic since start, for health and metrics. */
    public Map<String, AtomicLong> deadLetters() {
        return deadLetters;
    }

    private <T> void split(String topic, List<T> records, Function<T, String> raw, Consumer<List<T>> effect,
                           RuntimeException failure) {
        if (records.size() == 1) {
            deadLetter(topic, raw.apply(records.get(0)), failure);
            return;
        }
        int half = records.size() / 2;
        apply(topic, records.subList(0, half), raw, effect);
        apply(topic, records.subList(half, records.size()), raw, effect);
    }

    private void deadLetter(String topic, String record, RuntimeException failure) {
        String reason = reason(failure);
        LOG.errorf("%s: a record cannot be applied and goes to %s.dead-letter: %s", topic, topic, reason);
        String letter = "{\"topic\":" + quote(topic) + ",\"reason\":" + quote(reason) + ",\"record\":" + quote(IdNumber.scrub(record)) + "}";
        QuarkusTransaction.requiringNew().run(() ->
                store.appendRecord("dead-letter/" + topic + "/" + Integer.toHexString(record.hashCode()), topic + ".dead-letter",
                        topic, letter));
        deadLetters.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
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

    private static String quote(String text) {
        try {
            return org.canbao.contracts.EventCodec.mapper().writeValueAsString(text);
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

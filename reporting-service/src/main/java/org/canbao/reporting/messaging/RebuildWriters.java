package org.canbao.reporting.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * A rebuild's writers: each poll's records go by record key (the person: every stream's events have one) to a writer,
 * which reads its share as events and writes it on a connection of its own, while the rebuild polls the next. A
 * person's events keep their order: they reach one writer, poll after poll. Profiled, one thread decoding and one
 * writing kept the two cores 40 % idle: each waited on the other, and on PostgreSQL, in turn.
 *
 * <p>The first writer writes on the rebuild's own connection; the others borrow one each from the pool, set to the
 * rebuild's schema, and give it back as they found it. Their commits do not wait for the log to reach the disk: a
 * crash loses only fresh tables, which a rebuild empties when it starts.
 */
final class RebuildWriters implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RebuildWriters.class);
    static final String NO_FLUSH_WAIT = "set synchronous_commit to off";
    static final String FLUSH_WAIT = "reset synchronous_commit";

    /** The rebuild's own connection first, then the borrowed ones. */
    private final List<Connection> connections = new ArrayList<>();
    /** Each borrowed connection with the search path it had, to give it back with. */
    private final List<Borrowed> borrowed = new ArrayList<>();
    private final boolean commitEachPoll;
    private final ExecutorService pool;
    private List<Future<?>> writing = List.of();

    private RebuildWriters(Connection first, boolean commitEachPoll, int n) {
        connections.add(first);
        this.commitEachPoll = commitEachPoll;
        this.pool = Executors.newFixedThreadPool(n, r -> new Thread(r, "reporting-rebuild-writer"));
    }

    /** {@code n} writers, each committing its share of every poll. */
    static RebuildWriters open(DataSource dataSource, Connection first, int n) throws SQLException {
        RebuildWriters writers = new RebuildWriters(first, true, n);
        try {
            String path = searchPath(first);
            execute(first, NO_FLUSH_WAIT);
            for (int i = 1; i < n; i++) {
                Connection extra = dataSource.getConnection();
                try {
                    writers.borrowed.add(new Borrowed(extra, searchPath(extra)));
                } catch (SQLException | RuntimeException e) {
                    extra.close();
                    throw e;
                }
                writers.connections.add(extra);
                execute(extra, "set search_path to " + path);
                execute(extra, NO_FLUSH_WAIT);
                extra.setAutoCommit(false);
            }
            return writers;
        } catch (SQLException | RuntimeException e) {
            writers.close();
            throw e;
        }
    }

    /** One writer on the caller's connection, committing nothing: the switch's catch-up, in its one transaction. */
    static RebuildWriters alone(Connection c) {
        return new RebuildWriters(c, false, 1);
    }

    /** Shares a poll's records among the writers once the previous poll's are written, and returns at once. */
    void write(Iterable<ConsumerRecord<String, String>> records) throws SQLException {
        int n = connections.size();
        List<Map<String, List<String>>> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares.add(new LinkedHashMap<>());
        }
        for (ConsumerRecord<String, String> record : records) {
            int writer = record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), n);
            shares.get(writer).computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
        }
        awaitAll();
        List<Future<?>> next = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Connection c = connections.get(i);
            Map<String, List<String>> share = shares.get(i);
            next.add(pool.submit(() -> {
                for (Map.Entry<String, List<String>> topic : share.entrySet()) {
                    RebuildBatch.of(topic.getKey(), topic.getValue()).apply(c);
                }
                if (commitEachPoll) {
                    c.commit();
                }
                return null;
            }));
        }
        writing = next;
    }

    /** Waits until every poll handed over is written (and committed). */
    void awaitAll() throws SQLException {
        for (Future<?> w : writing) {
            await(w);
        }
        writing = List.of();
    }

    /**
     * Lets a write in flight end before the caller commits or rolls back on its connection, and gives the borrowed
     * connections back as they were lent, after a failure too (the rebuild resets its own connection).
     */
    @Override
    public void close() throws SQLException {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.error("rebuild writer still busy after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Borrowed b : borrowed) {
            try (Connection extra = b.connection()) {
                extra.rollback();
                extra.setAutoCommit(true);
                execute(extra, FLUSH_WAIT);
                execute(extra, "set search_path to " + b.ownPath());
            }
        }
    }

    private record Borrowed(Connection connection, String ownPath) {
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String searchPath(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show search_path")) {
            r.next();
            return r.getString(1);
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
}

package org.canbao.platform.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.hibernate.Session;

/**
 * Transaction-scoped PostgreSQL advisory locks on business keys (a stream, a person, a department), so that
 * two transactions working on the same key, in this instance or another, run one after the other. All are
 * taken in one statement in one global order, so no two transactions wait for each other in a circle. Keys are
 * qualified by the schema, so services sharing one database do not wait for each other.
 *
 * <p>Every writer locks before it touches a projection table, so the same call first takes the schema's
 * tables lock shared: a rebuild takes it exclusively while it switches tables over (see TableSwitch).
 *
 * <p>Keys map onto {@value #BUCKETS} locks per schema: a key always takes the same one, so two writers of one key
 * still run one after the other, while a batch of 5,000 persons takes at most {@value #BUCKETS} locks rather than
 * 5,000. PostgreSQL keeps every lock of every open transaction in one shared table
 * ({@code max_locks_per_transaction} × {@code max_connections}, 6,400 by default), and a lock per key ran it out of
 * memory under a load of concurrent batches. Two unrelated keys may share a lock and wait for each other: a wait,
 * never a wrong result. A transaction that locks twice (a consumer that admits events, then appends) may meet
 * another in a deadlock, which PostgreSQL breaks by failing one; consumers retry that (see ConsumerBatches).
 */
public final class AdvisoryLocks {
    private static final String TABLES = "select pg_advisory_xact_lock_shared(hashtext(current_schema() || '-projection-tables'))";
    static final int BUCKETS = 256;
    private static final String LOCK = "select count(pg_advisory_xact_lock(hashtext(current_schema() || '-keys'), b)) from "
            + "(select distinct abs(hashtext(k) % " + BUCKETS + ") as b from unnest(?) k order by b) locks";

    /** A lock of its own per key, outside the buckets: see {@link #lockAlone}. */
    private static final String ALONE = "select pg_advisory_xact_lock(hashtext(current_schema() || '-alone'), hashtext(?))";

    private AdvisoryLocks() {
    }

    /**
     * A lock on one key that shares no bucket with the stream keys, for a transaction that must hold it before it
     * knows which streams to lock (a department's status feed: it reads the department's list, then locks the persons
     * it changes). In the buckets, two departments' feeds each held one bucket and waited for all the others: at a
     * county's scale every snapshot met the other departments' in a deadlock (the full-scale season of 3 December).
     */
    public static void lockAlone(EntityManager em, String key) {
        em.unwrap(Session.class).doWork(c -> lockAlone(c, key));
    }

    public static void lockAlone(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TABLES)) {
            s.executeQuery().close();
        }
        try (PreparedStatement s = c.prepareStatement(ALONE)) {
            s.setString(1, key);
            s.executeQuery().close();
        }
    }

    public static void lock(EntityManager em, Collection<String> keys) {
        em.unwrap(Session.class).doWork(c -> lock(c, keys));
    }

    public static void lock(Connection c, Collection<String> keys) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TABLES)) {
            s.executeQuery().close();
        }
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.executeQuery().close();
        }
    }
}

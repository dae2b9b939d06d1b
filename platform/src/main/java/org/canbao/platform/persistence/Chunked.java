package org.canbao.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Looks up many rows by key with a few {@code in (...)} statements, under PostgreSQL's parameter limit. */
public final class Chunked {
    private static final int CHUNK = 1000;

    private Chunked() {
    }

    public static <K, E> Map<K, E> byKey(Collection<K> keys, Function<List<K>, List<E>> query, Function<E, K> keyOf) {
        Map<K, E> found = new HashMap<>();
        List<K> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))).forEach(e -> found.put(keyOf.apply(e), e));
        }
        return found;
    }

    /**
     * A native select of the rows of {@code table} whose text column {@code column} is one of the keys in its one
     * parameter, a text array (for a Hibernate native query or plain JDBC alike): one index probe per key, as a lateral sub-select behind "offset 0" that the planner cannot
     * turn into a join. As an {@code in (...)} list of a thousand keys PostgreSQL read the whole table instead (its cost
     * model prices a thousand index probes above a hashed sequential scan), inside the REST writers' stream locks, and
     * the scan's time grows with the county: resident by ID number took 28–55 ms a chunk at a fifth of Pingjiang.
     */
    public static String probes(String table, String column) {
        return "select t.* from unnest(cast(? as text[])) k(key) cross join lateral (select * from " + table
                + " t where t." + column + " = k.key offset 0) t";
    }

    /** Calls {@code work} on consecutive slices of {@code keys}. */
    public static <K> void slices(List<K> keys, java.util.function.Consumer<List<K>> work) {
        for (int from = 0; from < keys.size(); from += CHUNK) {
            work.accept(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
        }
    }
}

package org.canbao.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Rebuilds a writing service's projection tables from its own event store: replays every event in position
 * order (which is each stream's version order) into fresh tables, a page per transaction, then takes the
 * tables lock, replays what was appended meanwhile and switches the tables over ({@link TableSwitch}).
 */
public final class StoreRebuild {
    private static final int PAGE = 5_000;

    /** Applies a page of stored events to the tables on this connection's path. */
    public interface Projector {
        void apply(Connection c, List<StoredEvent> events) throws SQLException;
    }

    private StoreRebuild() {
    }

    public static ProjectionRebuilder.Result run(DataSource dataSource, List<String> tables, Projector projector)
            throws SQLException {
        long started = System.nanoTime();
        long events;
        try (Connection c = dataSource.getConnection()) {
            long[] after = {0};
            events = TableSwitch.rebuild(c, tables, underLock -> {
                long read;
                long total = 0;
                do {
                    read = page(c, after, projector);
                    total += read;
                    if (!underLock) {
                        c.commit();
                    }
                } while (read > 0);
                return total;
            });
        }
        return ProjectionRebuilder.Result.of("event store", events, started);
    }

    private static long page(Connection c, long[] after, Projector projector) throws SQLException {
        List<StoredEvent> page = new ArrayList<>();
        after[0] = EventStore.readFrom(c, after[0], PAGE, page::add);
        projector.apply(c, page);
        return page.size();
    }
}

package org.canbao.platform.eventstore;

import java.sql.SQLException;

/** What {@code POST /api/v1/admin/rebuild} runs: each service rebuilds its projections from its log. */
public interface ProjectionRebuilder {
    record Result(String source, long events, double seconds, long eventsPerSecond) {
        public static Result of(String source, long events, long startedNanos) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            return new Result(source, events, Math.round(seconds * 10) / 10.0, Math.round(events / Math.max(seconds, 0.001)));
        }
    }

    Result rebuild() throws SQLException;
}

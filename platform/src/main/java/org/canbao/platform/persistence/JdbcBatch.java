package org.canbao.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Rows written by one statement sent as a JDBC batch: the driver rewrites a batch of inserts into multi-row
 * statements ({@code reWriteBatchedInserts}). Writers use it where Hibernate's insert actions and the flush's checks
 * of every managed row cost more than the writing (BENCHMARKS.md).
 */
public final class JdbcBatch {
    /** Sets a statement's parameters from a row. */
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatch() {
    }

    /**
     * Runs {@code sql} once per row, as one batch. An upsert must have at most one row per key: a multi-row
     * {@code on conflict do update} cannot touch a row twice.
     */
    public static <T> void write(Connection c, String sql, Collection<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}

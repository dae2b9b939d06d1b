package org.canbao.subsidy.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.canbao.contracts.PaymentReceived;
import org.canbao.platform.persistence.JdbcBatch;

/**
 * The payments entitlements count, written by plain JDBC in one batch: a receipt already kept (a redelivery, or the
 * same receipt twice in a batch) is left as it is by the database, so no lookup comes first.
 */
public final class PaymentRows {
    private static final String INSERT = """
            insert into payment (receipt_id, person_key, policy_year, tier, amount, paid_at, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (receipt_id) do nothing
            """;

    private PaymentRows() {
    }

    public static void insertNew(Connection c, List<PaymentReceived> payments) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        JdbcBatch.write(c, INSERT, payments, (insert, p) -> {
            insert.setString(1, p.receiptId());
            insert.setString(2, p.personKey());
            insert.setInt(3, p.policyYear());
            insert.setInt(4, p.tier());
            insert.setBigDecimal(5, p.amount());
            insert.setObject(6, p.paidAt());
            insert.setTimestamp(7, now);
        });
    }
}

package org.canbao.payment.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import org.canbao.platform.persistence.JdbcBatch;

/**
 * Payment rows written by plain JDBC, by the REST and stream writers and by the rebuild: new receipts in one batch,
 * without Hibernate's insert actions and the flush's checks of every payment a batch looked up.
 */
public final class PaymentRows {
    static final String INSERT = """
            insert into payment (receipt_id, person_key, masked_id, policy_year, tier, amount, channel, paid_at, tax_office,
                fingerprint, recorded_at, flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (receipt_id) do nothing
            """;

    private PaymentRows() {
    }

    /** Inserts these payments; a receipt already stored is left as it is. */
    public static void insert(Connection c, Collection<Payment> payments) throws SQLException {
        JdbcBatch.write(c, INSERT, payments, PaymentRows::bind);
    }

    static void bind(PreparedStatement insert, Payment p) throws SQLException {
        insert.setString(1, p.receiptId);
        insert.setString(2, p.personKey);
        insert.setString(3, p.maskedId);
        insert.setInt(4, p.policyYear);
        insert.setInt(5, p.tier);
        insert.setBigDecimal(6, p.amount);
        insert.setString(7, p.channel);
        insert.setObject(8, p.paidAt);
        insert.setString(9, p.taxOffice);
        insert.setString(10, p.fingerprint);
        insert.setTimestamp(11, Timestamp.from(p.recordedAt));
        insert.setString(12, p.flags);
    }
}

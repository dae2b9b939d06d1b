package org.canbao.subsidy.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import org.canbao.platform.persistence.JdbcBatch;

/**
 * Entitlement rows written by plain JDBC, by the consumers and by the rebuild: one upsert per row, sent as one
 * batch. Hibernate kept every entitlement a chunk decides as a managed entity and compared each at the flush
 * (16 % of the service in a season's profile); the consumers now read them read-only and write only those that
 * changed.
 */
public final class EntitlementRows {
    static final String UPSERT = """
            insert into entitlement (person_key, policy_year, tier, state, hardship, subsidy, personal_due, paid, enrolled_at,
                updated_at, granting_category, retroactive_due, refund_due, region) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (person_key, policy_year) do update set tier = excluded.tier, state = excluded.state,
                hardship = excluded.hardship, subsidy = excluded.subsidy, personal_due = excluded.personal_due,
                paid = excluded.paid, enrolled_at = excluded.enrolled_at, updated_at = excluded.updated_at,
                granting_category = excluded.granting_category, retroactive_due = excluded.retroactive_due,
                refund_due = excluded.refund_due, region = excluded.region
            """;

    private EntitlementRows() {
    }

    /**
     * Writes these rows, at most one per person and year (a multi-row upsert cannot touch a row twice).
     */
    public static void upsert(Connection c, Collection<EntitlementEntity> rows) throws SQLException {
        JdbcBatch.write(c, UPSERT, rows, EntitlementRows::bind);
    }

    static void bind(PreparedStatement upsert, EntitlementEntity row) throws SQLException {
        upsert.setString(1, row.personKey);
        upsert.setInt(2, row.policyYear);
        upsert.setInt(3, row.tier);
        upsert.setString(4, row.state);
        upsert.setBoolean(5, row.hardship);
        upsert.setBigDecimal(6, row.subsidy);
        upsert.setBigDecimal(7, row.personalDue);
        upsert.setBigDecimal(8, row.paid);
        upsert.setObject(9, row.enrolledAt);
        upsert.setTimestamp(10, Timestamp.from(row.updatedAt));
        upsert.setString(11, row.grantingCategory);
        upsert.setBigDecimal(12, row.retroactiveDue);
        upsert.setBigDecimal(13, row.refundDue);
        upsert.setString(14, row.region);
    }
}

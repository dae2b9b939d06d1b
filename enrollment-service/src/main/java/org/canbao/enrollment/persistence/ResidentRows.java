package org.canbao.enrollment.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import org.canbao.platform.persistence.JdbcBatch;

/**
 * Resident rows written by plain JDBC, by the roster's writer and by the rebuild: one upsert per person, sent as one
 * batch, without Hibernate's insert actions and the flush's checks of every resident a roster batch looked up.
 */
public final class ResidentRows {
    static final String UPSERT = """
            insert into resident (id_number, person_key, name, household_id, township, village, status, recorded_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id_number) do update set name = excluded.name, household_id = excluded.household_id,
                township = excluded.township, village = excluded.village, status = excluded.status,
                updated_at = excluded.updated_at
            """;

    private ResidentRows() {
    }

    /** @param residents at most one per ID number (a multi-row upsert cannot touch a row twice) */
    public static void upsert(Connection c, Collection<Resident> residents) throws SQLException {
        JdbcBatch.write(c, UPSERT, residents, ResidentRows::bind);
    }

    static void bind(PreparedStatement upsert, Resident r) throws SQLException {
        upsert.setString(1, r.idNumber);
        upsert.setString(2, r.personKey);
        upsert.setString(3, r.name);
        upsert.setString(4, r.householdId);
        upsert.setString(5, r.township);
        upsert.setString(6, r.village);
        upsert.setString(7, r.status);
        upsert.setTimestamp(8, Timestamp.from(r.recordedAt));
        upsert.setTimestamp(9, Timestamp.from(r.updatedAt));
    }
}

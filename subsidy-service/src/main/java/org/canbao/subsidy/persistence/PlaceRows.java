package org.canbao.subsidy.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.canbao.platform.persistence.JdbcBatch;

/** Where persons live, written by plain JDBC in one batch, a row per person (as the roster's events say). */
public final class PlaceRows {
    private static final String UPSERT = """
            insert into person_unit (person_key, masked_id, township, village, birth_date) values (?, ?, ?, ?, ?)
            on conflict (person_key) do update set masked_id = excluded.masked_id, township = excluded.township,
                village = excluded.village, birth_date = excluded.birth_date
            """;

    private PlaceRows() {
    }

    /** @param places at most one per person (a multi-row upsert cannot touch a row twice) */
    public static void upsert(Connection c, Collection<PersonUnitEntity> places) throws SQLException {
        JdbcBatch.write(c, UPSERT, places, (upsert, place) -> {
            upsert.setString(1, place.personKey);
            upsert.setString(2, place.maskedId);
            upsert.setString(3, place.township);
            upsert.setString(4, place.village);
            upsert.setObject(5, place.birthDate);
        });
    }
}

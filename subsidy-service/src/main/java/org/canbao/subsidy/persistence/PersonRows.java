package org.canbao.subsidy.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canbao.platform.persistence.Chunked;
import org.canbao.subsidy.domain.CategorySpell;

/**
 * What a chunk of persons' entitlements are decided from, read by plain JDBC in the caller's transaction: where they
 * live, their category spells, their payments that count (reversed receipts left out) and the entitlements last told.
 * The rows are plain objects, not managed entities: Hibernate's reads of the same rows were 28 % of the service in a
 * season's profile.
 */
public record PersonRows(List<PersonUnitEntity> places, Map<String, List<CategorySpell>> spells,
                         Map<String, List<PaymentEntity>> payments, List<EntitlementEntity> entitlements) {
    /* Each lookup probes its table's index once per person ({@link Chunked#probes}: "in" lists scanned whole tables). */
    private static final String PLACES = "select u.person_key, u.masked_id, u.township, u.village, u.birth_date from ("
            + Chunked.probes("person_unit", "person_key") + ") u";
    private static final String SPELLS = "select s.person_key, s.category, s.department, s.valid_from, s.valid_until, "
            + "s.region from (" + Chunked.probes("category_spell", "person_key") + ") s order by s.id";
    private static final String PAYMENTS = "select p.receipt_id, p.person_key, p.policy_year, p.tier, p.amount, p.paid_at, "
            + "p.recorded_at from (" + Chunked.probes("payment", "person_key") + ") p "
            + "where not exists (select 1 from payment_reversal r where r.receipt_id = p.receipt_id)";
    private static final String ENTITLEMENTS = "select e.person_key, e.policy_year, e.tier, e.state, e.hardship, e.subsidy, "
            + "e.personal_due, e.paid, e.enrolled_at, e.updated_at, e.granting_category, e.retroactive_due, e.refund_due, "
            + "e.region from (" + Chunked.probes("entitlement", "person_key") + ") e";

    private interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    private interface EachRow {
        void accept(ResultSet rs) throws SQLException;
    }

    public static PersonRows read(Connection c, List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return new PersonRows(List.of(), Map.of(), Map.of(), List.of());
        }
        return new PersonRows(places(c, keys), spellsOf(c, keys),
                paymentsOf(c, keys), select(c, ENTITLEMENTS, keys, PersonRows::entitlement));
    }

    /** Where these persons live, those the roster has told of. */
    public static List<PersonUnitEntity> places(Connection c, List<String> keys) throws SQLException {
        return select(c, PLACES, keys, PersonRows::place);
    }

    private static Map<String, List<CategorySpell>> spellsOf(Connection c, List<String> keys) throws SQLException {
        Map<String, List<CategorySpell>> byPerson = new HashMap<>();
        each(c, SPELLS, keys, rs -> byPerson.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new CategorySpell(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6))));
        return byPerson;
    }

    private static Map<String, List<PaymentEntity>> paymentsOf(Connection c, List<String> keys) throws SQLException {
        Map<String, List<PaymentEntity>> byPerson = new HashMap<>();
        each(c, PAYMENTS, keys, rs -> {
            PaymentEntity p = new PaymentEntity();
            p.receiptId = rs.getString(1);
            p.personKey = rs.getString(2);
            p.policyYear = rs.getInt(3);
            p.tier = rs.getInt(4);
            p.amount = rs.getBigDecimal(5);
            p.paidAt = rs.getObject(6, OffsetDateTime.class);
            p.recordedAt = rs.getTimestamp(7).toInstant();
            byPerson.computeIfAbsent(p.personKey, k -> new ArrayList<>()).add(p);
        });
        return byPerson;
    }

    private static PersonUnitEntity place(ResultSet rs) throws SQLException {
        PersonUnitEntity place = new PersonUnitEntity();
        place.personKey = rs.getString(1);
        place.maskedId = rs.getString(2);
        place.township = rs.getString(3);
        place.village = rs.getString(4);
        place.birthDate = rs.getObject(5, LocalDate.class);
        return place;
    }

    private static EntitlementEntity entitlement(ResultSet rs) throws SQLException {
        EntitlementEntity e = new EntitlementEntity();
        e.personKey = rs.getString(1);
        e.policyYear = rs.getInt(2);
        e.tier = rs.getInt(3);
        e.state = rs.getString(4);
        e.hardship = rs.getBoolean(5);
        e.subsidy = rs.getBigDecimal(6);
        e.personalDue = rs.getBigDecimal(7);
        e.paid = rs.getBigDecimal(8);
        e.enrolledAt = rs.getObject(9, OffsetDateTime.class);
        e.updatedAt = rs.getTimestamp(10).toInstant();
        e.grantingCategory = rs.getString(11);
        e.retroactiveDue = rs.getBigDecimal(12);
        e.refundDue = rs.getBigDecimal(13);
        e.region = rs.getString(14);
        return e;
    }

    private static <T> List<T> select(Connection c, String sql, List<String> keys, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        each(c, sql, keys, rs -> rows.add(row.of(rs)));
        return rows;
    }

    /** Each row for these keys, in their order. */
    private static void each(Connection c, String sql, List<String> keys, EachRow each) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }
}

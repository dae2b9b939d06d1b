package org.canbao.subsidy.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canbao.subsidy.domain.CategorySpell;

/**
 * What a chunk of persons' entitlements are decided from, read by plain JDBC in the caller's transaction: where they
 * live, their category spells, their payments that count (reversed receipts left out) and the entitlements last told.
 * The rows are plain objects, not managed entities: Hibernate's reads of the same rows were 28 % of the service in a
 * season's profile. Each lookup has Hibernate's shape, {@code in (?, …)} padded to a power of two, so PostgreSQL plans
 * it as before.
 */
public record PersonRows(List<PersonUnitEntity> places, Map<String, List<CategorySpell>> spells,
                         Map<String, List<PaymentEntity>> payments, List<EntitlementEntity> entitlements) {
    private static final String PLACES = "select person_key, masked_id, township, village, birth_date from person_unit "
            + "where person_key in (%s)";
    private static final String SPELLS = "select person_key, category, department, valid_from, valid_until, region "
            + "from category_spell where person_key in (%s) order by id";
    private static final String PAYMENTS = "select receipt_id, person_key, policy_year, tier, amount, paid_at, recorded_at "
            + "from payment p where person_key in (%s) "
            + "and not exists (select 1 from payment_reversal r where r.receipt_id = p.receipt_id)";
    private static final String ENTITLEMENTS = "select person_key, policy_year, tier, state, hardship, subsidy, personal_due, "
            + "paid, enrolled_at, updated_at, granting_category, retroactive_due, refund_due, region from entitlement "
            + "where person_key in (%s)";

    private interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    private interface EachRow {
        void accept(ResultSet rs) throws SQLException;
    }

    /** @param keys at most a chunk of persons (PostgreSQL takes 32,767 parameters a statement) */
    public static PersonRows read(Connection c, List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return new PersonRows(List.of(), Map.of(), Map.of(), List.of());
        }
        return new PersonRows(select(c, PLACES, keys, PersonRows::place), spellsOf(c, keys),
                paymentsOf(c, keys), select(c, ENTITLEMENTS, keys, PersonRows::entitlement));
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

    /** Each row for these keys; the list is padded with its last key to the next power of two. */
    private static void each(Connection c, String sql, List<String> keys, EachRow each) throws SQLException {
        int padded = keys.size() == 1 ? 1 : Integer.highestOneBit(keys.size() - 1) << 1;
        try (PreparedStatement select = c.prepareStatement(sql.formatted(String.join(", ", Collections.nCopies(padded, "?"))))) {
            for (int i = 0; i < padded; i++) {
                select.setString(i + 1, keys.get(Math.min(i, keys.size() - 1)));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }
}

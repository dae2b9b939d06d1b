package org.canbao.reporting.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.inbox.Inbox;
import org.hibernate.Session;

/**
 * Writes a batch of admitted events (in stream order) into the projection tables, one JDBC batch per statement.
 * An upsert batch holds one row per key, the last event's: a multi-row {@code insert … on conflict do update}
 * cannot touch a row twice, and a replay or a burst brings several events for one key in one batch.
 * The same code writes the live tables and, on a connection of its own, a rebuild's fresh ones; each batch moves the
 * live counters by what it changed ({@link LiveCounts}).
 */
@ApplicationScoped
public class ProjectionWriter {
    /** The tables built from the topics, which a rebuild replaces. */
    public static final List<String> TABLES = List.of("person", "hardship_spell", "coverage", "exclusion", "payment",
            "stream_position", "parked_event", "processed_event", "counted_year", "place_count");

    private static final String UPSERT_PERSON = """
            insert into person (person_key, township, village, household_id, status, updated_at)
            values (?, ?, ?, ?, ?, now())
            on conflict (person_key) do update set township = excluded.township, village = excluded.village,
                household_id = excluded.household_id, status = excluded.status, updated_at = now()
            """;
    private static final String ADD_SPELL =
            "insert into hardship_spell (person_key, department, category, valid_from) values (?, ?, ?, ?)";
    private static final String END_SPELL = "update hardship_spell set valid_until = ? where person_key = ? "
            + "and department = ? and category = ? and valid_until is null";
    private static final String UPSERT_COVERAGE = """
            insert into coverage (person_key, policy_year, state, enrolled_at) values (?, ?, ?, ?)
            on conflict (person_key, policy_year) do update set state = excluded.state, enrolled_at = excluded.enrolled_at
            """;
    private static final String UPSERT_EXCLUSION = """
            insert into exclusion (person_key, policy_year, reason) values (?, ?, ?)
            on conflict (person_key, policy_year) do update set reason = excluded.reason
            """;

    private static final String UPSERT_PAYMENT = """
            insert into payment (receipt_id, person_key, policy_year, amount, tax_office, paid_at) values (?, ?, ?, ?, ?, ?)
            on conflict (receipt_id) do update set person_key = excluded.person_key, policy_year = excluded.policy_year,
                amount = excluded.amount, tax_office = excluded.tax_office, paid_at = excluded.paid_at
            """;
    private static final String REVERSE_PAYMENT = "update payment set reversed_at = ? where receipt_id = ?";

    private final EntityManager em;

    public ProjectionWriter(EntityManager em) {
        this.em = em;
    }

    public void persons(List<IdentityVerified> events) {
        em.unwrap(Session.class).doWork(c -> persons(c, events));
    }

    public void statusChanges(List<StatusChanged> events) {
        em.unwrap(Session.class).doWork(c -> statusChanges(c, events));
    }

    public void exclusions(List<PersonExcluded> events) {
        em.unwrap(Session.class).doWork(c -> exclusions(c, events));
    }

    public void entitlements(List<EntitlementChanged> events) {
        em.unwrap(Session.class).doWork(c -> entitlements(c, events));
    }

    public void payments(List<PaymentReceived> events) {
        em.unwrap(Session.class).doWork(c -> payments(c, events));
    }

    public void reversals(List<PaymentReversed> events) {
        em.unwrap(Session.class).doWork(c -> reversals(c, events));
    }

    public static void payments(Connection c, List<PaymentReceived> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_PAYMENT)) {
            for (PaymentReceived e : Inbox.lastPerKey(events, PaymentReceived::receiptId)) {
                s.setString(1, e.receiptId());
                s.setString(2, e.personKey());
                s.setInt(3, e.policyYear());
                s.setBigDecimal(4, e.amount());
                s.setString(5, e.taxOffice());
                s.setTimestamp(6, e.paidAt() == null ? null : Timestamp.from(e.paidAt().toInstant()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** A reversal of a payment not yet seen changes nothing: payments precede their reversals on the topics' keys. */
    public static void reversals(Connection c, List<PaymentReversed> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REVERSE_PAYMENT)) {
            for (PaymentReversed e : Inbox.lastPerKey(events, PaymentReversed::receiptId)) {
                s.setTimestamp(1, Timestamp.from((e.reversedAt() != null ? e.reversedAt().toInstant() : e.recordedAt())));
                s.setString(2, e.receiptId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public static void persons(Connection c, List<IdentityVerified> events) throws SQLException {
        LiveCounts.around(c, keys(events, IdentityVerified::personKey), () -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_PERSON)) {
                for (IdentityVerified e : Inbox.lastPerKey(events, IdentityVerified::personKey)) {
                    s.setString(1, e.personKey());
                    s.setString(2, e.township());
                    s.setString(3, e.village());
                    s.setString(4, e.householdId());
                    s.setString(5, e.status());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /**
     * In event order, so a removal always finds the spell its addition opened. A renewal (recognised again by a later
     * year's list) changes no spell: the counts do not depend on when a status was last recognised.
     */
    public static void statusChanges(Connection c, List<StatusChanged> events) throws SQLException {
        LiveCounts.around(c, keys(events, StatusChanged::personKey), () -> {
            try (PreparedStatement add = c.prepareStatement(ADD_SPELL); PreparedStatement end = c.prepareStatement(END_SPELL)) {
                for (StatusChanged e : events) {
                    if (e.change() == StatusChanged.Change.ADDED) {
                        add.setString(1, e.personKey());
                        add.setString(2, e.department());
                        add.setString(3, e.category());
                        add.setDate(4, Date.valueOf(e.validFrom()));
                        add.executeUpdate();
                    } else if (e.change() == StatusChanged.Change.REMOVED) {
                        end.setDate(1, Date.valueOf(e.validFrom()));
                        end.setString(2, e.personKey());
                        end.setString(3, e.department());
                        end.setString(4, e.category());
                        end.executeUpdate();
                    }
                }
            }
        });
    }

    public static void exclusions(Connection c, List<PersonExcluded> events) throws SQLException {
        LiveCounts.around(c, keys(events, PersonExcluded::personKey), () -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_EXCLUSION)) {
                for (PersonExcluded e : Inbox.lastPerKey(events, e -> e.personKey() + "/" + e.policyYear())) {
                    s.setString(1, e.personKey());
                    s.setInt(2, e.policyYear());
                    s.setString(3, e.reason());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    public static void entitlements(Connection c, List<EntitlementChanged> events) throws SQLException {
        Collection<EntitlementChanged> last = Inbox.lastPerKey(events, e -> LiveCounts.enrolmentKey(e.personKey(), e.policyYear()));
        Map<String, Boolean> enrolled = new HashMap<>();
        last.forEach(e -> enrolled.put(LiveCounts.enrolmentKey(e.personKey(), e.policyYear()), e.enrolledAt() != null));
        LiveCounts.aroundEnrolment(c, keys(events, EntitlementChanged::personKey), enrolled, () -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_COVERAGE)) {
                for (EntitlementChanged e : last) {
                    s.setString(1, e.personKey());
                    s.setInt(2, e.policyYear());
                    s.setString(3, e.state());
                    s.setTimestamp(4, e.enrolledAt() == null ? null : Timestamp.from(e.enrolledAt().toInstant()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    private static <T> Set<String> keys(List<T> events, Function<T, String> personKey) {
        Set<String> keys = new TreeSet<>();
        events.forEach(e -> keys.add(personKey.apply(e)));
        return keys;
    }
}

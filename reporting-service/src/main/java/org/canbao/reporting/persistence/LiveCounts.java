package org.canbao.reporting.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live counters of each counted year and place ({@code place_count}), changed in the transaction of the batch
 * that changes the projection. A batch reads what its persons contribute before and after it writes, and adds the
 * difference: a redelivered or replayed batch writes nothing, so it adds nothing, and counters cannot drift from
 * the rows they count. Every batch holds {@code counted_year} shared, so a year starting to be counted (exclusive)
 * sees every batch before it and none half-way.
 */
public final class LiveCounts {
    /**
     * What each person contributes to each counted year: a place, and whether enrolled and in hardship (the four counts).
     * Each of a batch's persons is looked up by index probes, as lateral sub-selects with a limit that the planner
     * cannot turn into joins: written as joins, the plan for a batch of thousands of keys hashed them against a
     * sequential scan of coverage and hardship_spell (170–500 ms a call for 2,000 persons at a county's scale,
     * twice a batch; 40 ms this way, on a custom or a generic plan).
     */
    private static final String CONTRIBUTIONS = """
            select y.policy_year, p.township, coalesce(p.village, ''),
                   case when c.enrolled then 1 else 0 end,
                   case when h.open then 1 else 0 end, p.person_key
              from (select distinct unnest(?::varchar[]) as person_key) k
             cross join lateral (select p.person_key, p.township, p.village from person p
                                  where p.person_key = k.person_key limit 1) p
             cross join counted_year y
              left join lateral (select true as enrolled from coverage c where c.person_key = p.person_key
                                    and c.policy_year = y.policy_year and c.enrolled_at is not null limit 1) c on true
              left join lateral (select true as open from hardship_spell s where s.person_key = p.person_key
                                    and s.valid_until is null limit 1) h on true
             where not exists (select 1 from exclusion e where e.person_key = p.person_key and e.policy_year = y.policy_year)
            """;
    private static final String ADD = """
            insert into place_count (policy_year, township, village, persons, enrolled, hardship, hardship_enrolled)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (policy_year, township, village) do update set persons = place_count.persons + excluded.persons,
                enrolled = place_count.enrolled + excluded.enrolled, hardship = place_count.hardship + excluded.hardship,
                hardship_enrolled = place_count.hardship_enrolled + excluded.hardship_enrolled
            """;
    /** A year's counters from the rows as they are: the same figures as the aggregate as of the end of time. */
    private static final String START = """
            insert into place_count (policy_year, township, village, persons, enrolled, hardship, hardship_enrolled)
            select ?, p.township, coalesce(p.village, ''), count(*),
                   count(*) filter (where c.enrolled_at is not null),
                   count(*) filter (where h.person_key is not null),
                   count(*) filter (where h.person_key is not null and c.enrolled_at is not null)
              from person p
              left join coverage c on c.person_key = p.person_key and c.policy_year = ?
              left join (select distinct person_key from hardship_spell where valid_until is null) h
                     on h.person_key = p.person_key
             where not exists (select 1 from exclusion e where e.person_key = p.person_key and e.policy_year = ?)
             group by p.township, coalesce(p.village, '')
            """;

    /** A batch's work on the projection tables. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    private record Place(int year, String township, String village) implements Comparable<Place> {
        @Override
        public int compareTo(Place o) {
            int c = Integer.compare(year, o.year);
            c = c != 0 ? c : township.compareTo(o.township);
            return c != 0 ? c : village.compareTo(o.village);
        }
    }

    /** What one person adds to one counted year's place. */
    private record Contribution(String person, Place place, boolean enrolled, boolean hardship) {
    }

    private LiveCounts() {
    }

    /** Runs the work and moves the counters of the places these persons were in and are in by the difference. */
    public static void around(Connection c, Collection<String> personKeys, Work work) throws SQLException {
        move(c, personKeys, work, (keys, before) -> contributions(c, keys));
    }

    /**
     * The same for work that only sets enrolment, coverage's {@code enrolled_at} (a batch of entitlement changes), with
     * one read instead of two: such work moves no one's place, hardship or exclusion, so what each person contributes
     * after it is what they contributed before, with the enrolment the work writes.
     *
     * @param enrolledAfter per {@link #enrolmentKey} the work writes, whether that year's coverage is then enrolled
     */
    public static void aroundEnrolment(Connection c, Collection<String> personKeys, Map<String, Boolean> enrolledAfter,
                                       Work work) throws SQLException {
        move(c, personKeys, work, (keys, before) -> before.stream().map(b -> new Contribution(b.person(), b.place(),
                enrolledAfter.getOrDefault(enrolmentKey(b.person(), b.place().year()), b.enrolled()), b.hardship())).toList());
    }

    /** The key of a person's coverage in a year, as {@link #aroundEnrolment} reads it. */
    public static String enrolmentKey(String personKey, int policyYear) {
        return personKey + "/" + policyYear;
    }

    /** What the persons contribute once the work has run, from what they contributed before. */
    @FunctionalInterface
    private interface After {
        List<Contribution> of(Array keys, List<Contribution> before) throws SQLException;
    }

    private static void move(Connection c, Collection<String> personKeys, Work work, After after) throws SQLException {
        if (!counting(c, personKeys)) {
            work.run();
            return;
        }
        Array keys = c.createArrayOf("varchar", personKeys.toArray());
        List<Contribution> before = contributions(c, keys);
        work.run();
        Map<Place, long[]> change = new TreeMap<>();
        count(before, -1, change);
        count(after.of(keys, before), 1, change);
        add(c, change);
    }

    /** Holds counted_year shared; whether any year is counted and there is anyone to count. */
    private static boolean counting(Connection c, Collection<String> personKeys) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("lock table counted_year in share mode");
        }
        return !personKeys.isEmpty() && anyYearCounted(c);
    }

    private static void add(Connection c, Map<Place, long[]> change) throws SQLException {
        try (PreparedStatement add = c.prepareStatement(ADD)) {
            // In key order, so two batches touching the same places cannot lock them in opposite orders.
            for (Map.Entry<Place, long[]> e : change.entrySet()) {
                add.setInt(1, e.getKey().year());
                add.setString(2, e.getKey().township());
                add.setString(3, e.getKey().village());
                for (int i = 0; i < 4; i++) {
                    add.setLong(4 + i, e.getValue()[i]);
                }
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    /** Counts the year from now on, starting from the rows as they are; nothing when it is counted already. */
    private static void startCounting(Connection c, int year) throws SQLException {
        if (counted(c, year)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("lock table counted_year in exclusive mode");
        }
        if (counted(c, year)) {
            return;
        }
        try (PreparedStatement start = c.prepareStatement(START);
             PreparedStatement mark = c.prepareStatement("insert into counted_year (policy_year) values (?)")) {
            start.setInt(1, year);
            start.setInt(2, year);
            start.setInt(3, year);
            start.executeUpdate();
            mark.setInt(1, year);
            mark.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            // a few rows autovacuum never analyses: unanalysed, the planner took it for thousands of years
            s.execute("analyze counted_year");
        }
    }

    /**
     * The year's counters, counting it from now on when it is not counted yet: one statement when it is (progress is
     * asked many times a second, and each round trip to PostgreSQL waits its turn for a core under a season's load).
     * Only a counted year has counters ({@link #START}, and {@link #CONTRIBUTIONS} moves counted years only).
     */
    public static List<Object[]> counters(Connection c, int year) throws SQLException {
        List<Object[]> rows = of(c, year);
        if (!rows.isEmpty()) {
            return rows;
        }
        startCounting(c, year);
        return of(c, year);
    }

    /** The year's counters: township, village (null for none), enrolled, hardship, hardship enrolled. */
    private static List<Object[]> of(Connection c, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select township, nullif(village, ''), enrolled, hardship, "
                + "hardship_enrolled from place_count where policy_year = ? and persons > 0")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new Object[] {r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5)});
                }
                return rows;
            }
        }
    }

    private static List<Contribution> contributions(Connection c, Array keys) throws SQLException {
        List<Contribution> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CONTRIBUTIONS)) {
            s.setArray(1, keys);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Contribution(r.getString(6), new Place(r.getInt(1), r.getString(2), r.getString(3)),
                            r.getInt(4) == 1, r.getInt(5) == 1));
                }
            }
        }
        return rows;
    }

    private static void count(List<Contribution> contributions, int sign, Map<Place, long[]> change) {
        for (Contribution x : contributions) {
            long enrolled = x.enrolled() ? 1 : 0;
            long hardship = x.hardship() ? 1 : 0;
            long[] counts = change.computeIfAbsent(x.place(), p -> new long[4]);
            counts[0] += sign;
            counts[1] += sign * enrolled;
            counts[2] += sign * hardship;
            counts[3] += sign * enrolled * hardship;
        }
    }

    private static boolean anyYearCounted(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select exists (select 1 from counted_year)")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static boolean counted(Connection c, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from counted_year where policy_year = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}

package org.canbao.reporting.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.canbao.reporting.domain.Reconciliation;
import org.canbao.reporting.domain.UnitCounts;
import org.hibernate.Session;

/** Counts enrolled and hardship persons per township and village: as of now, or as of a past instant in one query. */
@ApplicationScoped
public class CoverageCounts {
    public record PlaceCounts(String township, String village, UnitCounts counts) {
    }

    private static final String QUERY = """
            select p.township, p.village,
                   count(*) filter (where c.enrolled_at < :asOf),
                   count(*) filter (where h.person_key is not null),
                   count(*) filter (where h.person_key is not null and c.enrolled_at < :asOf)
              from person p
              left join coverage c on c.person_key = p.person_key and c.policy_year = :year
              left join (select distinct person_key from hardship_spell
                          where valid_from <= cast(:asOf as timestamptz) at time zone 'Asia/Shanghai'
                            and (valid_until is null or valid_until > cast(:asOf as timestamptz) at time zone 'Asia/Shanghai')
                            and (:allCategories or category in (:categories))) h
                     on h.person_key = p.person_key
             where not exists (select 1 from exclusion e where e.person_key = p.person_key and e.policy_year = :year)
             group by p.township, p.village
            """;

    private static final String DAILY = """
            select cast(c.enrolled_at at time zone 'Asia/Shanghai' as date) as day, count(*)
              from person p
              join coverage c on c.person_key = p.person_key and c.policy_year = :year
             where c.enrolled_at is not null and (:all or p.township in (:units) or p.village in (:units))
               and not exists (select 1 from exclusion e where e.person_key = p.person_key and e.policy_year = :year)
             group by 1
            """;

    private static final String EXCLUDED = """
            select p.township, p.village, count(*)
              from exclusion e join person p on p.person_key = e.person_key
             where e.policy_year = :year and e.reason in (:reasons)
             group by p.township, p.village
            """;

    private static final String PAYMENTS = """
            select y.receipt_id, p.township, p.village, y.tax_office, y.amount, y.paid_at
              from payment y join person p on p.person_key = y.person_key
             where y.policy_year = :year and y.reversed_at is null and (p.township in (:units) or p.village in (:units))
             order by y.paid_at, y.receipt_id
            """;

    private final EntityManager em;

    public CoverageCounts(EntityManager em) {
        this.em = em;
    }

    public List<PlaceCounts> asOf(int policyYear, OffsetDateTime asOf) {
        return asOf(policyYear, asOf, null);
    }

    /** @param hardshipCategories the categories counted as hardship (null: every one) */
    @SuppressWarnings("unchecked")
    public List<PlaceCounts> asOf(int policyYear, OffsetDateTime asOf, List<String> hardshipCategories) {
        List<Object[]> rows = em.createNativeQuery(QUERY)
                .setParameter("year", policyYear)
                .setParameter("asOf", asOf)
                .setParameter("allCategories", hardshipCategories == null)
                .setParameter("categories", hardshipCategories == null ? List.of("") : hardshipCategories)
                .getResultList();
        return rows.stream().map(r -> new PlaceCounts((String) r[0], (String) r[1], new UnitCounts(
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue()))).toList();
    }

    /**
     * Persons excluded from the year for one of these reasons, by the township and by the village they live in (a
     * person counts for both), for the targets' reductions (核减).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> excludedByPlace(int policyYear, List<String> reasons) {
        Map<String, Long> byPlace = new HashMap<>();
        if (reasons.isEmpty()) {
            return byPlace;
        }
        List<Object[]> rows = em.createNativeQuery(EXCLUDED)
                .setParameter("year", policyYear)
                .setParameter("reasons", reasons)
                .getResultList();
        for (Object[] r : rows) {
            long n = ((Number) r[2]).longValue();
            byPlace.merge((String) r[0], n, Long::sum);
            if (r[1] != null) {
                byPlace.merge((String) r[1], n, Long::sum);
            }
        }
        return byPlace;
    }

    /** The year's payments not reversed, of persons living in these units, with where they live. */
    @SuppressWarnings("unchecked")
    public List<Reconciliation.Payment> payments(int policyYear, List<String> units) {
        List<Object[]> rows = em.createNativeQuery(PAYMENTS)
                .setParameter("year", policyYear)
                .setParameter("units", units)
                .getResultList();
        return rows.stream().map(r -> new Reconciliation.Payment((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (BigDecimal) r[4],
                r[5] == null ? null : toInstant(r[5]).atOffset(ZoneOffset.ofHours(8)))).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    /**
     * As of now, from the counters the projection keeps ({@link LiveCounts}), without aggregating every person; the
     * first call for a year starts its counters. Needs a transaction.
     */
    public List<PlaceCounts> now(int policyYear) {
        List<Object[]> rows = em.unwrap(Session.class).doReturningWork(c -> LiveCounts.counters(c, policyYear));
        return rows.stream().map(r -> new PlaceCounts((String) r[0], (String) r[1],
                new UnitCounts((Long) r[2], (Long) r[3], (Long) r[4]))).toList();
    }

    /** Enrolments per day (Asia/Shanghai) of the persons living in these units (null: the whole deployment). */
    @SuppressWarnings("unchecked")
    public Map<LocalDate, Long> perDay(int policyYear, List<String> units) {
        List<Object[]> rows = em.createNativeQuery(DAILY)
                .setParameter("year", policyYear)
                .setParameter("all", units == null)
                .setParameter("units", units == null ? List.of("") : units)
                .getResultList();
        Map<LocalDate, Long> days = new HashMap<>();
        for (Object[] r : rows) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            days.put(day, ((Number) r[1]).longValue());
        }
        return days;
    }
}

package org.canbao.reporting.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
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
                            and (valid_until is null or valid_until > cast(:asOf as timestamptz) at time zone 'Asia/Shanghai')) h
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

    private final EntityManager em;

    public CoverageCounts(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<PlaceCounts> asOf(int policyYear, OffsetDateTime asOf) {
        List<Object[]> rows = em.createNativeQuery(QUERY)
                .setParameter("year", policyYear)
                .setParameter("asOf", asOf)
                .getResultList();
        return rows.stream().map(r -> new PlaceCounts((String) r[0], (String) r[1], new UnitCounts(
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue()))).toList();
    }

    /**
     * As of now, from the counters the projection keeps ({@link LiveCounts}), without aggregating every person; the
     * first call for a year starts its counters. Needs a transaction.
     */
    public List<PlaceCounts> now(int policyYear) {
        List<Object[]> rows = em.unwrap(Session.class).doReturningWork(c -> {
            LiveCounts.startCounting(c, policyYear);
            return LiveCounts.of(c, policyYear);
        });
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

package org.canbao.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canbao.enrollment.config.FeedsConfig;
import org.canbao.enrollment.domain.DepartmentCategories;
import org.canbao.enrollment.domain.FeedHealth;

/** Each department's last two feeds, from the batch audit, and its list's size right after each. */
@ApplicationScoped
public class Feeds {
    private static final String ENDPOINT = "/api/v1/status-feeds/";
    private final EntityManager em;
    private final DepartmentCategories departments;
    private final FeedsConfig config;

    public Feeds(EntityManager em, DepartmentCategories departments, FeedsConfig config) {
        this.em = em;
        this.departments = departments;
        this.config = config;
    }

    @Transactional
    public List<FeedHealth> health() {
        Instant now = Instant.now();
        List<FeedHealth> health = new ArrayList<>();
        for (String department : departments.departments()) {
            List<FeedHealth.Feed> feeds = lastTwo(department);
            health.add(FeedHealth.of(department, feeds.isEmpty() ? null : feeds.get(0), feeds.size() < 2 ? null : feeds.get(1),
                    now, config.maxAge(), config.maxChange()));
        }
        return health;
    }

    @SuppressWarnings("unchecked")
    private List<FeedHealth.Feed> lastTwo(String department) {
        List<Object[]> rows = em.createNativeQuery("select received_at, endpoint, accepted + duplicates, rejected from batch_audit "
                        + "where endpoint like ?1 order by id desc limit 2")
                .setParameter(1, ENDPOINT + department + "?%").getResultList();
        List<FeedHealth.Feed> feeds = new ArrayList<>();
        for (Object[] row : rows) {
            Instant received = instant(row[0]);
            String call = (String) row[1];
            feeds.add(new FeedHealth.Feed(received, parameter(call, "mode"), date(parameter(call, "asOf")),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), members(department, received)));
        }
        return feeds;
    }

    /** The department's memberships open at {@code at}: recorded by then and not ended by then. */
    private long members(String department, Instant at) {
        return ((Number) em.createNativeQuery("select count(*) from category_membership where department = ?1 "
                        + "and recorded_at <= ?2 and (ended_recorded_at is null or ended_recorded_at > ?2)")
                .setParameter(1, department).setParameter(2, at).getSingleResult()).longValue();
    }

    private static String parameter(String call, String name) {
        int query = call.indexOf('?');
        for (String pair : call.substring(query + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return kv[1];
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

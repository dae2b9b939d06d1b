package org.canbao.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The consumer half of exactly-once effects: in the caller's transaction, marks a batch of events as
 * processed with one statement and returns those never seen before. A redelivered event is filtered out
 * because its mark committed together with its effect.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String MARK = "insert into processed_event(event_id) select unnest(?) "
            + "on conflict do nothing returning event_id";

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** Parses a batch of records, skipping (and logging) any that is not an event, and keeps the first-seen ones. */
    public List<EventEnvelope> firstSeen(List<String> records) {
        Map<String, EventEnvelope> byId = new LinkedHashMap<>();
        for (String record : records) {
            try {
                EventEnvelope envelope = EventCodec.read(record);
                byId.putIfAbsent(envelope.id(), envelope);
            } catch (IllegalArgumentException e) {
                LOG.errorf("skipped a record that is not a Canbao event: %s", e.getMessage());
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        Set<String> fresh = mark(byId.keySet().toArray(String[]::new));
        List<EventEnvelope> result = new ArrayList<>(fresh.size());
        byId.forEach((id, envelope) -> {
            if (fresh.contains(id)) {
                result.add(envelope);
            }
        });
        return result;
    }

    /**
     * The first-seen events of a batch as payloads of one type. An event this reader cannot read (a newer schema
     * version, a broken payload) is logged and skipped rather than stopping the channel for every event behind it.
     */
    public <T extends CanbaoEvent> List<T> firstSeen(List<String> records, Class<T> type) {
        List<T> payloads = new ArrayList<>();
        for (EventEnvelope envelope : firstSeen(records)) {
            try {
                payloads.add(EventCodec.payload(envelope, type));
            } catch (IllegalArgumentException e) {
                LOG.errorf("skipped event %s: %s", envelope.id(), e.getMessage());
            }
        }
        return payloads;
    }

    private Set<String> mark(String[] ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> fresh = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(MARK)) {
                statement.setArray(1, connection.createArrayOf("text", ids));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
            }
            return fresh;
        });
    }
}

package org.canbao.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /**
     * The first-seen events of a batch, as payloads of one type. A record this reader cannot read (not an event,
     * a newer schema version, a broken payload) is logged and left unmarked rather than stopping the channel for
     * every event behind it: replaying the topic after an upgrade applies it, and only it.
     */
    public <T extends CanbaoEvent> List<T> firstSeen(List<String> records, Class<T> type) {
        Map<String, T> decoded = new LinkedHashMap<>();
        for (String record : records) {
            try {
                EventEnvelope envelope = EventCodec.read(record);
                decoded.putIfAbsent(envelope.id(), EventCodec.payload(envelope, type));
            } catch (IllegalArgumentException e) {
                LOG.errorf("left unprocessed and unmarked, for a replay after an upgrade: %s", e.getMessage());
            }
        }
        if (decoded.isEmpty()) {
            return List.of();
        }
        Set<String> fresh = mark(decoded.keySet().toArray(String[]::new));
        return decoded.entrySet().stream().filter(e -> fresh.contains(e.getKey())).map(Map.Entry::getValue).toList();
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

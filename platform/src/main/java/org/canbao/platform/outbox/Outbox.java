package org.canbao.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.contracts.EventType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Records events in the caller's transaction; {@link OutboxRelay} sends them once that transaction commits. */
@ApplicationScoped
public class Outbox {
    private static final String KICK_REGISTERED = Outbox.class.getName() + ".kick";

    private final EntityManager em;
    private final String source;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, AfterCommit afterCommit, OutboxRelay relay,
                  @ConfigProperty(name = "quarkus.application.name") String application) {
        this.em = em;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.source = "/canbao/" + application;
    }

    public void publish(CanbaoEvent event) {
        EventEnvelope envelope = EventCodec.envelope(source, event);
        write(envelope.id(), EventType.of(event).topic(), envelope.subject(), EventCodec.write(envelope));
    }

    /** A record that is not a Canbao event (a rejected input record), sent as is with the same guarantees. */
    public void publishRecord(String topic, String key, String payload) {
        write(UUID.randomUUID().toString(), topic, key, payload);
    }

    private void write(String eventId, String topic, String key, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic;
        row.recordKey = key;
        row.payload = payload;
        row.createdAt = Instant.now();
        em.persist(row);
        kickRelayAfterCommit();
    }

    /** One kick per transaction, after it committed, so events leave within milliseconds instead of a poll. */
    private void kickRelayAfterCommit() {
        afterCommit.once(KICK_REGISTERED, relay::kick);
    }
}

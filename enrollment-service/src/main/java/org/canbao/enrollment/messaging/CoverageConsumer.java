package org.canbao.enrollment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventType;
import org.canbao.platform.inbox.ConsumerBatches;
import org.canbao.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each person's entitlement state per year as subsidy-service announces it, for the outreach lists. The inbox
 * applies a person's entitlement events by version, so a redelivered or replayed event changes nothing and several
 * in one batch end at the newest.
 */
@ApplicationScoped
public class CoverageConsumer {
    private static final String TOPIC = EventType.ENTITLEMENT_CHANGED.topic();
    private static final String UPSERT = """
            insert into coverage (person_key, policy_year, state, hardship, personal_due, paid, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            on conflict (person_key, policy_year) do update set state = excluded.state, hardship = excluded.hardship,
                personal_due = excluded.personal_due, paid = excluded.paid, updated_at = excluded.updated_at
            """;

    private final Inbox inbox;
    private final ConsumerBatches batches;
    private final EntityManager em;

    public CoverageConsumer(Inbox inbox, ConsumerBatches batches, EntityManager em) {
        this.inbox = inbox;
        this.batches = batches;
        this.em = em;
    }

    @Incoming("entitlement-changed")
    @Blocking
    public void onEntitlements(ConsumerRecords<String, String> batch) {
        batches.apply(TOPIC, batch, records -> record(inbox.admit(records, EntitlementChanged.class)));
    }

    private void record(List<EntitlementChanged> changes) {
        Timestamp now = Timestamp.from(Instant.now());
        for (EntitlementChanged e : changes) {
            em.createNativeQuery(UPSERT)
                    .setParameter(1, e.personKey())
                    .setParameter(2, e.policyYear())
                    .setParameter(3, e.state())
                    .setParameter(4, e.hardship())
                    .setParameter(5, e.personalDue())
                    .setParameter(6, e.paid())
                    .setParameter(7, now)
                    .executeUpdate();
        }
    }
}

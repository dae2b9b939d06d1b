package org.canbao.enrollment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventType;
import org.canbao.platform.inbox.ConsumerBatches;
import org.canbao.platform.inbox.Inbox;
import org.canbao.platform.persistence.JdbcBatch;
import org.hibernate.Session;
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
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (person_key, policy_year) do update set state = excluded.state, hardship = excluded.hardship,
                personal_due = excluded.personal_due, paid = excluded.paid, updated_at = excluded.updated_at
            """;

    private final ConsumerBatches batches;
    private final EntityManager em;

    public CoverageConsumer(ConsumerBatches batches, EntityManager em) {
        this.batches = batches;
        this.em = em;
    }

    @Incoming("entitlement-changed")
    @Blocking
    public void onEntitlements(ConsumerRecords<String, String> batch) {
        batches.apply(TOPIC, batch, EntitlementChanged.class, this::record);
    }

    /**
     * One JDBC batch for the whole consumer batch, a row per person and year, the inbox's last: the driver sends the batch
     * as one multi-row upsert, which cannot touch a row twice (such batches failed and were split until they passed).
     */
    private void record(List<EntitlementChanged> admitted) {
        if (admitted.isEmpty()) {
            return;
        }
        Collection<EntitlementChanged> changes = Inbox.lastPerKey(admitted, e -> e.personKey() + "/" + e.policyYear());
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(c -> JdbcBatch.write(c, UPSERT, changes, (upsert, e) -> {
            upsert.setString(1, e.personKey());
            upsert.setInt(2, e.policyYear());
            upsert.setString(3, e.state());
            upsert.setBoolean(4, e.hardship());
            upsert.setBigDecimal(5, e.personalDue());
            upsert.setBigDecimal(6, e.paid());
            upsert.setTimestamp(7, now);
        }));
    }
}

package org.canbao.subsidy.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.inbox.ConsumerBatches;
import org.canbao.platform.persistence.Chunked;
import org.canbao.subsidy.persistence.PaymentEntity;
import org.canbao.subsidy.persistence.PaymentRows;
import org.canbao.subsidy.persistence.ReversalEntity;
import org.canbao.subsidy.persistence.SpellEntity;
import org.canbao.subsidy.service.EntitlementService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;

/**
 * Stores the facts entitlements are decided from, then re-decides the persons they concern; the facts,
 * the processed-event marks and the resulting entitlement events commit together, a batch at a time.
 */
@ApplicationScoped
public class FactsConsumer {
    private final ConsumerBatches batches;
    private final EntitlementService entitlements;

    public FactsConsumer(ConsumerBatches batches, EntitlementService entitlements) {
        this.batches = batches;
        this.entitlements = entitlements;
    }

    @Incoming("status-changed")
    @Blocking
    public void onStatusChanges(ConsumerRecords<String, String> records) {
        batches.apply("status-changed", records, StatusChanged.class, this::statusChanges);
    }

    private void statusChanges(List<StatusChanged> changes) {
        Set<String> persons = new LinkedHashSet<>();
        for (StatusChanged change : changes) {
            // recognised again by a later year's list: a spell of the new period from then, which a policy whose
            // statuses belong to their period counts; the earlier spell stays open, and a removal ends both
            if (change.change() != StatusChanged.Change.REMOVED) {
                SpellEntity spell = new SpellEntity();
                spell.personKey = change.personKey();
                spell.department = change.department();
                spell.category = change.category();
                spell.validFrom = change.validFrom();
                spell.recordedAt = change.recordedAt();
                spell.region = change.region();
                spell.persist();
            } else {
                SpellEntity.update("validUntil = ?1 where personKey = ?2 and department = ?3 and category = ?4 "
                                + "and validUntil is null", change.validFrom(), change.personKey(),
                        change.department(), change.category());
            }
            persons.add(change.personKey());
        }
        SpellEntity.flush();
        entitlements.refresh(persons);
    }

    @Incoming("payment-reversed")
    @Blocking
    public void onReversals(ConsumerRecords<String, String> records) {
        batches.apply("payment-reversed", records, PaymentReversed.class, this::reversals);
    }

    private void reversals(List<PaymentReversed> reversals) {
        Set<String> persons = new LinkedHashSet<>();
        Map<String, ReversalEntity> known = Chunked.byKey(reversals.stream().map(PaymentReversed::receiptId).toList(),
                chunk -> ReversalEntity.<ReversalEntity>list("receiptId in ?1", chunk), r -> r.receiptId);
        for (PaymentReversed reversed : reversals) {
            if (!known.containsKey(reversed.receiptId())) {
                ReversalEntity reversal = new ReversalEntity();
                reversal.receiptId = reversed.receiptId();
                reversal.personKey = reversed.personKey();
                reversal.reversedAt = reversed.reversedAt();
                reversal.persist();
                known.put(reversal.receiptId, reversal);
            }
            persons.add(reversed.personKey());
        }
        ReversalEntity.flush();
        entitlements.refresh(persons);
    }

    @Incoming("payment-received")
    @Blocking
    public void onPayments(ConsumerRecords<String, String> records) {
        batches.apply("payment-received", records, PaymentReceived.class, this::payments);
    }

    private void payments(List<PaymentReceived> payments) {
        PaymentEntity.getEntityManager().unwrap(Session.class).doWork(c -> PaymentRows.insertNew(c, payments));
        Set<String> persons = new LinkedHashSet<>();
        payments.forEach(p -> persons.add(p.personKey()));
        entitlements.refresh(persons);
    }
}

package org.canbao.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.PaymentReversed;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.inbox.ConsumerBatches;
import org.canbao.reporting.persistence.ProjectionWriter;
import org.canbao.reporting.service.ProgressBroadcaster;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the coverage projection: each batch's effect and its stream positions commit together. */
@ApplicationScoped
public class ProjectionConsumer {
    private final ProjectionWriter writer;
    private final ProgressBroadcaster broadcaster;
    private final ConsumerBatches batches;

    public ProjectionConsumer(ProjectionWriter writer, ProgressBroadcaster broadcaster, ConsumerBatches batches) {
        this.batches = batches;
        this.writer = writer;
        this.broadcaster = broadcaster;
    }

    @Incoming("identity-verified")
    @Blocking
    public void onIdentities(ConsumerRecords<String, String> records) {
        apply("identity-verified", records, IdentityVerified.class, writer::persons);
    }

    @Incoming("status-changed")
    @Blocking
    public void onStatusChanges(ConsumerRecords<String, String> records) {
        apply("status-changed", records, StatusChanged.class, writer::statusChanges);
    }

    @Incoming("entitlement-changed")
    @Blocking
    public void onEntitlements(ConsumerRecords<String, String> records) {
        apply("entitlement-changed", records, EntitlementChanged.class, writer::entitlements);
    }

    @Incoming("person-excluded")
    @Blocking
    public void onExclusions(ConsumerRecords<String, String> records) {
        apply("person-excluded", records, PersonExcluded.class, writer::exclusions);
    }

    @Incoming("payment-received")
    @Blocking
    public void onPayments(ConsumerRecords<String, String> records) {
        batches.apply("payment-received", records, PaymentReceived.class, writer::payments);
    }

    @Incoming("payment-reversed")
    @Blocking
    public void onReversals(ConsumerRecords<String, String> records) {
        batches.apply("payment-reversed", records, PaymentReversed.class, writer::reversals);
    }

    /** A batch in its own transaction (the inbox's locks keep a rebuild from switching tables mid-way); then the live views refresh. */
    private <T extends CanbaoEvent> void apply(String topic, ConsumerRecords<String, String> records, Class<T> type,
                                               java.util.function.Consumer<List<T>> effect) {
        batches.apply(topic, records, type, effect);
        broadcaster.projectionChanged();
    }
}

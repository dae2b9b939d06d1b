package org.canbao.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PersonExcluded;
import org.canbao.contracts.StatusChanged;
import org.canbao.platform.inbox.Inbox;
import org.canbao.platform.outbox.AfterCommit;
import org.canbao.reporting.persistence.ProjectionWriter;
import org.canbao.reporting.service.ProgressBroadcaster;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the coverage projection: each batch's effect and its processed-event marks commit together. */
@ApplicationScoped
public class ProjectionConsumer {
    private final Inbox inbox;
    private final ProjectionWriter writer;
    private final ProgressBroadcaster broadcaster;
    private final AfterCommit afterCommit;

    public ProjectionConsumer(Inbox inbox, ProjectionWriter writer, ProgressBroadcaster broadcaster, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        this.inbox = inbox;
        this.writer = writer;
        this.broadcaster = broadcaster;
    }

    @Incoming("identity-verified")
    @Blocking
    @Transactional
    public void onIdentities(List<String> records) {
        writer.persons(fresh(records, IdentityVerified.class));
    }

    @Incoming("status-changed")
    @Blocking
    @Transactional
    public void onStatusChanges(List<String> records) {
        writer.statusChanges(fresh(records, StatusChanged.class));
    }

    @Incoming("entitlement-changed")
    @Blocking
    @Transactional
    public void onEntitlements(List<String> records) {
        writer.entitlements(fresh(records, EntitlementChanged.class));
    }

    @Incoming("person-excluded")
    @Blocking
    @Transactional
    public void onExclusions(List<String> records) {
        writer.exclusions(fresh(records, PersonExcluded.class));
    }

    private <T extends CanbaoEvent> List<T> fresh(List<String> records, Class<T> type) {
        afterCommit.once(ProjectionConsumer.class.getName(), broadcaster::projectionChanged);
        return inbox.firstSeen(records, type);
    }
}

package org.canbao.enrollment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.enrollment.persistence.KnownUnit;
import org.canbao.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns the unit names of every campaign, so roster lines naming an unknown township are caught. */
@ApplicationScoped
public class CampaignUnitsConsumer {
    private final Inbox inbox;

    public CampaignUnitsConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("campaign-defined")
    @Blocking
    @Transactional
    public void onCampaigns(List<String> records) {
        for (EventEnvelope envelope : inbox.firstSeen(records)) {
            CampaignDefined campaign = EventCodec.payload(envelope, CampaignDefined.class);
            for (CampaignDefined.Unit unit : campaign.units()) {
                KnownUnit known = KnownUnit.findById(unit.name());
                if (known == null) {
                    known = new KnownUnit();
                    known.name = unit.name();
                    known.persist();
                }
                known.kind = unit.kind();
                known.policyYear = campaign.policyYear();
            }
        }
    }
}

package org.canbao.subsidy.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.IdentityVerified;
import org.canbao.platform.config.CanbaoConfig;
import org.canbao.platform.inbox.ConsumerBatches;
import org.canbao.subsidy.persistence.PersonRows;
import org.canbao.subsidy.persistence.PersonUnitEntity;
import org.canbao.subsidy.persistence.PlaceRows;
import org.canbao.subsidy.persistence.UnitRegionEntity;
import org.canbao.subsidy.service.EntitlementService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;

/**
 * Where persons live and which pooling region each campaign unit belongs to: a person is decided by their own
 * region's policy, so a move or a campaign that places units re-decides the persons it concerns, in the same
 * transaction as the facts and the processed-event marks.
 */
@ApplicationScoped
public class PlacesConsumer {
    private final ConsumerBatches batches;
    private final EntitlementService entitlements;
    private final String defaultRegion;

    public PlacesConsumer(ConsumerBatches batches, EntitlementService entitlements, CanbaoConfig config) {
        this.batches = batches;
        this.entitlements = entitlements;
        this.defaultRegion = config.defaultRegion();
    }

    @Incoming("identity-verified")
    @Blocking
    public void onIdentities(ConsumerRecords<String, String> records) {
        batches.apply("identity-verified", records, IdentityVerified.class, this::identities);
    }

    private void identities(List<IdentityVerified> identities) {
        Session session = PersonUnitEntity.getEntityManager().unwrap(Session.class);
        List<String> keys = identities.stream().map(IdentityVerified::personKey).distinct().toList();
        Map<String, PersonUnitEntity> known = new HashMap<>();
        session.doReturningWork(c -> PersonRows.places(c, keys)).forEach(p -> known.put(p.personKey, p));
        Map<String, PersonUnitEntity> written = new LinkedHashMap<>();
        Set<String> moved = new LinkedHashSet<>();
        for (IdentityVerified identity : identities) {
            PersonUnitEntity place = known.get(identity.personKey());
            boolean isNew = place == null;
            if (isNew) {
                place = new PersonUnitEntity();
                place.personKey = identity.personKey();
                known.put(place.personKey, place);
            }
            boolean placed = isNew || !Objects.equals(place.township, identity.township())
                    || !Objects.equals(place.village, identity.village());
            boolean born = identity.birthDate() != null && !identity.birthDate().equals(place.birthDate);
            place.maskedId = identity.maskedId();
            place.township = identity.township();
            place.village = identity.village();
            if (born) {
                place.birthDate = identity.birthDate();
            }
            written.put(place.personKey, place);
            if (placed || born) {
                moved.add(place.personKey);
            }
        }
        session.doWork(c -> PlaceRows.upsert(c, written.values()));
        entitlements.refresh(moved);
    }

    @Incoming("campaign-defined")
    @Blocking
    public void onCampaigns(ConsumerRecords<String, String> records) {
        batches.apply("campaign-defined", records, CampaignDefined.class, this::campaigns);
    }

    private void campaigns(List<CampaignDefined> campaigns) {
        Set<String> placed = new HashSet<>();
        for (CampaignDefined campaign : campaigns) {
            String region = campaign.region() != null ? campaign.region() : defaultRegion;
            Map<String, CampaignDefined.Unit> units = new HashMap<>();
            campaign.units().forEach(u -> units.put(u.name(), u));
            Map<String, UnitRegionEntity> rows = new HashMap<>();
            UnitRegionEntity.<UnitRegionEntity>list("policyYear = ?1 and (region = ?2 or unit in ?3)",
                    campaign.policyYear(), region, units.keySet()).forEach(u -> rows.put(u.unit, u));
            for (UnitRegionEntity row : rows.values()) {
                if (!units.containsKey(row.unit)) {
                    row.delete();
                }
                placed.add(row.unit);
            }
            for (CampaignDefined.Unit unit : units.values()) {
                String own = unit.region() != null ? unit.region() : region;
                UnitRegionEntity row = rows.get(unit.name());
                if (row == null) {
                    row = new UnitRegionEntity();
                    row.policyYear = campaign.policyYear();
                    row.unit = unit.name();
                    row.region = own;
                    row.persist();
                } else {
                    row.region = own;
                }
                placed.add(unit.name());
            }
            UnitRegionEntity.flush();
        }
        UnitRegionEntity.flush();
        if (!placed.isEmpty()) {
            entitlements.refresh(PersonUnitEntity.<PersonUnitEntity>list("township in ?1 or village in ?1", placed)
                    .stream().map(p -> p.personKey).toList());
        }
    }
}

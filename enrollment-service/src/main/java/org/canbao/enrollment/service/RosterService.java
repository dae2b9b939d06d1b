package org.canbao.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.canbao.contracts.IdentityVerified;
import org.canbao.enrollment.domain.RosterLine;
import org.canbao.enrollment.messaging.CampaignUnitsConsumer;
import org.canbao.enrollment.domain.Places;
import org.canbao.enrollment.persistence.KnownUnit;
import org.canbao.enrollment.persistence.Resident;
import org.canbao.enrollment.persistence.ResidentRows;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.batch.LineRejected;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.i18n.Message;
import org.canbao.platform.eventstore.EventStore;
import org.hibernate.Session;

/** Takes household roster lines: each valid one verifies an identity, an event in the person's stream. */
@ApplicationScoped
public class RosterService {
    private final EventStore store;
    private final Pseudonymizer pseudonymizer;
    private final CampaignUnitsConsumer campaigns;

    public RosterService(EventStore store, Pseudonymizer pseudonymizer, CampaignUnitsConsumer campaigns) {
        this.store = store;
        this.pseudonymizer = pseudonymizer;
        this.campaigns = campaigns;
    }

    /**
     * Every line is read and checked before the persons are locked, so other batches' writers wait only for the
     * lookup and the writes (at 4,000 lines a batch the locks are nearly all of them, and writers run one at a time).
     *
     * @param asOf the roster's business date: who was born less than a year before it is an infant
     */
    @Transactional
    public BatchReport receive(BatchBody body, LocalDate asOf) {
        Set<String> units = knownUnits(body);
        Map<String, Set<String>> villages = Places.villagesByTownship(KnownUnit.places());
        BatchReport report = BatchReport.startingWith(body);
        List<BatchReport.Read<RosterLine>> read = report.read(body.lines(), line -> {
            RosterLine roster = RosterLine.read(line);
            Message unknownPlace = roster.unknownPlace(units);
            if (unknownPlace != null) {
                throw new LineRejected("township", unknownPlace);
            }
            Message unknownVillage = roster.unknownVillage(villages.getOrDefault(roster.township(), Set.of()));
            if (unknownVillage != null) {
                throw new LineRejected("village", unknownVillage);
            }
            return roster;
        });
        Set<String> idNumbers = read.stream().map(r -> r.value().idNumber().value()).collect(Collectors.toSet());
        store.lock(PersonKeys.streams(pseudonymizer, idNumbers));
        Map<String, Resident> residents = Resident.byIdNumbers(idNumbers);
        Map<String, Resident> written = new LinkedHashMap<>();
        report.eachRead(read, line -> {
            RosterLine roster = line.value();
            Resident resident = residents.get(roster.idNumber().value());
            if (resident != null && roster.sameAs(resident.name, resident.householdId, resident.township,
                    resident.village, resident.status)) {
                report.duplicates++;
                return;
            }
            Resident recorded = record(roster, resident, asOf);
            residents.put(recorded.idNumber, recorded);
            written.put(recorded.idNumber, recorded);
            report.accepted++;
        });
        Resident.getEntityManager().unwrap(Session.class).doWork(c -> ResidentRows.upsert(c, written.values()));
        store.flush();
        return report;
    }

    /**
     * The campaigns' unit names. When none is known yet, or a line names a place not among them, first catch up
     * with campaigns just defined, so a roster sent right after its campaign is checked against it.
     */
    private Set<String> knownUnits(BatchBody body) {
        Set<String> known = KnownUnit.names();
        boolean stale = known.isEmpty() || body.lines().stream().anyMatch(l ->
                !known.contains(String.valueOf(l.optional("township"))) && !known.contains(String.valueOf(l.optional("village"))));
        return stale ? campaigns.knownUnitsAfterCatchingUp(Duration.ofSeconds(3)) : known;
    }

    private Resident record(RosterLine roster, Resident existing, LocalDate asOf) {
        Instant now = Instant.now();
        Resident resident = existing;
        if (resident == null) {
            resident = new Resident();
            resident.idNumber = roster.idNumber().value();
            resident.personKey = pseudonymizer.personKey(roster.idNumber());
            resident.recordedAt = now;
        }
        resident.name = roster.name();
        resident.householdId = roster.householdId();
        resident.township = roster.township();
        resident.village = roster.village();
        resident.status = roster.status().name();
        resident.updatedAt = now;
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("idNumber", resident.idNumber);
        kept.put("name", resident.name);
        kept.put("householdId", resident.householdId);
        store.append(Resident.stream(resident.personKey), new IdentityVerified(resident.personKey,
                roster.idNumber().masked(), pseudonymizer.householdKey(resident.householdId), resident.township, resident.village, resident.status,
                roster.idNumber().birthDate().getYear(), now,
                IdentityVerified.infantBirthDate(roster.idNumber().birthDate(), asOf)), kept);
        return resident;
    }
}

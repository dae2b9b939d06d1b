package org.canbao.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.PersonExcluded;
import org.canbao.enrollment.config.ExclusionsConfig;
import org.canbao.enrollment.domain.ExclusionLine;
import org.canbao.enrollment.persistence.Exclusion;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.enrollment.persistence.Resident;
import org.canbao.platform.persistence.Chunked;

/** Records the medical insurance bureau's exclusions, one per person and policy year. */
@ApplicationScoped
public class ExclusionService {
    private final EventStore store;
    private final Pseudonymizer pseudonymizer;
    private final Set<String> reasons;

    public ExclusionService(EventStore store, Pseudonymizer pseudonymizer, ExclusionsConfig config) {
        this.reasons = config.reasons();
        this.store = store;
        this.pseudonymizer = pseudonymizer;
    }

    @Transactional
    public BatchReport receive(BatchBody body) {
        Set<String> idNumbers = BatchBody.distinctUpper(body.lines(), "idNumber");
        store.lock(PersonKeys.streams(pseudonymizer, idNumbers));
        Map<String, Exclusion> seen = new HashMap<>();
        Chunked.slices(List.copyOf(idNumbers), chunk ->
                Exclusion.<Exclusion>list("idNumber in ?1", chunk).forEach(e -> seen.put(e.idNumber + "/" + e.policyYear, e)));
        BatchReport report = BatchReport.startingWith(body);
        report.each(body.lines(), line -> {
            ExclusionLine read = ExclusionLine.read(line, reasons);
            IdNumber id = read.idNumber();
            int year = read.policyYear();
            String reason = read.reason();
            Exclusion exclusion = seen.get(id.value() + "/" + year);
            if (exclusion != null && exclusion.reason.equals(reason)) {
                report.duplicates++;
                return;
            }
            if (exclusion == null) {
                exclusion = new Exclusion();
                exclusion.idNumber = id.value();
                exclusion.policyYear = year;
                seen.put(id.value() + "/" + year, exclusion);
            }
            exclusion.reason = reason;
            exclusion.recordedAt = Instant.now();
            exclusion.persist();
            String personKey = pseudonymizer.personKey(id);
            store.append(Resident.stream(personKey), new PersonExcluded(personKey, year, reason, exclusion.recordedAt),
                    Map.of("idNumber", id.value()));
            report.accepted++;
        });
        store.flush();
        return report;
    }
}

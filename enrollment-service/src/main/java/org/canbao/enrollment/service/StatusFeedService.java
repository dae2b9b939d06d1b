package org.canbao.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.canbao.contracts.StatusChanged;
import org.canbao.contracts.StatusChanged.Change;
import org.canbao.enrollment.domain.DepartmentCategories;
import org.canbao.enrollment.domain.StatusFeed;
import org.canbao.enrollment.domain.StatusFeedLine;
import org.canbao.enrollment.domain.StatusFeed.Entry;
import org.canbao.enrollment.domain.StatusFeed.Mode;
import org.canbao.enrollment.persistence.CategoryMembership;
import org.canbao.enrollment.persistence.KnownUnit;
import org.canbao.enrollment.persistence.Resident;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.batch.Rejection;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.platform.config.CanbaoConfig;

/** Applies a department's status feed to its category memberships and reports each change as an event. */
@ApplicationScoped
public class StatusFeedService {
    private final DepartmentCategories departments;
    private final EventStore store;
    private final String defaultRegion;

    public StatusFeedService(DepartmentCategories departments, EventStore store, CanbaoConfig config) {
        this.departments = departments;
        this.store = store;
        this.defaultRegion = config.defaultRegion();
    }

    /** A region some campaign places units in, or the deployment's default. */
    public boolean knowsRegion(String region) {
        return region.equals(defaultRegion) || KnownUnit.count("region", region) > 0;
    }

    /**
     * @param asOf   the business date the department recognised the list; a line's own {@code effectiveDate} wins.
     *               A snapshot needs it, since it dates the removals of whoever it no longer names.
     * @param region the pooling region whose department sends it, or null: each region's list of a department is a
     *               list of its own, which a snapshot replaces without touching the others
     */
    @Transactional
    public BatchReport receive(String department, LocalDate asOf, Mode mode, String region, BatchBody body) {
        store.lockAlone("status-feed/" + department);
        Map<String, Resident.Named> residents = Resident.namedByIdNumbers(BatchBody.distinctUpper(body.lines(), "idNumber"));
        List<StatusFeed.Line> lines = new ArrayList<>();
        Map<Entry, LocalDate> effective = new HashMap<>();
        BatchReport report = BatchReport.startingWith(body).each(body.lines(), line -> {
            StatusFeedLine read = StatusFeedLine.read(line, department, mode, asOf, departments, id -> {
                Resident.Named resident = residents.get(id);
                return resident == null ? null : resident.name();
            });
            effective.put(read.line().entry(), read.effective());
            lines.add(read.line());
        });

        Map<Entry, CategoryMembership> open = CategoryMembership.openOf(department).stream()
                .collect(Collectors.toMap(m -> new Entry(m.idNumber, m.category), Function.identity()));
        Set<Integer> rejectedLines = report.rejected.stream().map(Rejection::line).collect(Collectors.toSet());
        Set<String> kept = body.unreadable().isEmpty()
                ? BatchBody.distinctUpper(body.lines().stream().filter(l -> rejectedLines.contains(l.number())).toList(), "idNumber")
                : open.keySet().stream().map(Entry::idNumber).collect(Collectors.toSet());
        Set<Entry> otherLists = open.entrySet().stream().filter(e -> !Objects.equals(e.getValue().region, region))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        StatusFeed.Changes changes = StatusFeed.apply(open.keySet(), lines, mode, kept, otherLists);

        Instant now = Instant.now();
        List<Entry> renewed = changes.confirmed().stream()
                .filter(e -> StatusFeed.renews(open.get(e).lastRecognised(), effective.get(e))).toList();
        Map<String, Resident.Named> people = new HashMap<>(residents);
        people.putAll(Resident.namedByIdNumbers(changes.removed().stream().map(Entry::idNumber)
                .filter(id -> !residents.containsKey(id)).collect(Collectors.toSet())));
        store.lock(java.util.stream.Stream.of(changes.added(), changes.removed(), renewed).flatMap(List::stream)
                .map(e -> Resident.stream(people.get(e.idNumber()).personKey())).collect(Collectors.toSet()));
        for (Entry entry : changes.added()) {
            CategoryMembership membership = new CategoryMembership();
            membership.idNumber = entry.idNumber();
            membership.department = department;
            membership.category = entry.category();
            membership.validFrom = effective.get(entry);
            membership.recordedAt = now;
            membership.region = region;
            membership.persist();
            publish(people, entry, department, Change.ADDED, membership.validFrom, now, region);
        }
        for (Entry entry : changes.removed()) {
            CategoryMembership membership = open.get(entry).modifiable();
            LocalDate until = effective.getOrDefault(entry, asOf);
            membership.validUntil = until.isBefore(membership.validFrom) ? membership.validFrom : until;
            membership.endedRecordedAt = now;
            publish(people, entry, department, Change.REMOVED, membership.validUntil, now, membership.region);
        }
        for (Entry entry : renewed) {
            CategoryMembership membership = open.get(entry).modifiable();
            membership.recognisedOn = effective.get(entry);
            publish(people, entry, department, Change.RENEWED, membership.recognisedOn, now, membership.region);
        }
        report.accepted = changes.changedLines();
        report.duplicates = changes.unchangedLines();
        report.added = changes.added().size();
        report.removed = changes.removed().size();
        report.unchanged = changes.unchangedLines();
        store.flush();
        return report;
    }

    private void publish(Map<String, Resident.Named> people, Entry entry, String department, Change change,
                         LocalDate asOf, Instant now, String region) {
        Resident.Named resident = people.get(entry.idNumber());
        store.append(Resident.stream(resident.personKey()),
                new StatusChanged(resident.personKey(), department, entry.category(), change, asOf, now, region),
                Map.of("idNumber", resident.idNumber()));
    }
}

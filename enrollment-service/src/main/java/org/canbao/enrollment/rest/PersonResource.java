package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jakarta.transaction.Transactional;
import org.canbao.contracts.EventType;
import org.canbao.contracts.IdNumber;
import org.canbao.enrollment.domain.PersonHistory;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.eventstore.EventStore;
import org.canbao.platform.i18n.Message;
import org.canbao.platform.security.CallerScope;
import org.canbao.enrollment.persistence.CategoryMembership;
import org.canbao.enrollment.persistence.Resident;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Persons", description = "One person as enrollment knows them; the ID number always comes back masked.")
@Path("/api/v1/persons/{idNumber}")
public class PersonResource {

    public record CategoryView(String category, String department, LocalDate validFrom, LocalDate validUntil,
                               Instant recordedAt, Instant endedRecordedAt, boolean active) {
    }

    public record PersonView(String idNumber, String personKey, String name, String householdId, String township,
                             String village, String status, List<CategoryView> categories) {
    }

    public record HistoryView(String idNumber, String personKey, List<PersonHistory.Entry> events) {
    }

    private final EventStore store;
    private final CallerScope scope;

    public PersonResource(EventStore store, CallerScope scope) {
        this.store = store;
        this.scope = scope;
    }

    /** A person's identity, household, place and category history; the ID number comes back masked. */
    @Operation(summary = "A person",
            description = "Roles supervisor, medical-insurance. Identity, household, township, village and each "
                    + "category with its history (valid from and until, recorded at, department). The ID number comes "
                    + "back masked with the `personKey` pseudonym; a person outside a scoped supervisor's unit is a 404.")
    @GET
    @RolesAllowed({"supervisor", "medical-insurance"})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public PersonView person(@PathParam("idNumber") String raw) {
        IdNumber id = parse(raw);
        Resident resident = resident(id);
        List<CategoryView> categories = CategoryMembership.historyOf(id.value()).stream()
                .map(m -> new CategoryView(m.category, m.department, m.validFrom, m.validUntil, m.recordedAt,
                        m.endedRecordedAt, m.validUntil == null))
                .toList();
        return new PersonView(id.masked(), resident.personKey, resident.name, resident.householdId,
                resident.township, resident.village, resident.status, categories);
    }

    /** Every event of the person's stream in order: what was reported, when, by whom, and what it changed. */
    @Operation(summary = "A person's history",
            description = "Roles supervisor, medical-insurance. Every event of the person's stream in order: what was "
                    + "reported, when, by whom, and what it changed.")
    @GET
    @Path("/history")
    @RolesAllowed({"supervisor", "medical-insurance"})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public HistoryView history(@PathParam("idNumber") String raw) {
        IdNumber id = parse(raw);
        Resident resident = resident(id);
        List<PersonHistory.Recorded> events = store.streams(List.of(Resident.stream(resident.personKey))).stream()
                .map(e -> new PersonHistory.Recorded(e.version(), EventType.read(e.payload()), e.recordedAt()))
                .toList();
        return new HistoryView(id.masked(), resident.personKey, PersonHistory.of(events));
    }

    private static IdNumber parse(String raw) {
        try {
            return IdNumber.parse(raw);
        } catch (IdNumber.InvalidIdNumber e) {
            throw new InvalidInput(Message.of(e.code(), e.args().toArray()));
        }
    }

    /** A person outside a scoped supervisor's unit is answered as unknown: the answer tells nothing about them. */
    private Resident resident(IdNumber id) {
        Resident resident = Resident.findById(id.value());
        if (resident == null || !scope.sees(resident.township, resident.village)) {
            throw scope.unit().map(unit -> Refused.notFound("person.not-in-roster-of", id.masked(), unit))
                    .orElseGet(() -> Refused.notFound("person.not-in-roster", id.masked()));
        }
        return resident;
    }
}

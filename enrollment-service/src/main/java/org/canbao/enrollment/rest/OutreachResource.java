package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.canbao.enrollment.service.OutreachLists;
import org.canbao.platform.rest.Table;

@Tag(name = "Outreach", description = "Who the village cadres still have to visit.")
@Path("/api/v1/campaigns/{policyYear}/outreach")
public class OutreachResource {
    private final OutreachLists lists;

    public OutreachResource(OutreachLists lists) {
        this.lists = lists;
    }

    /**
     * The persons of a township or village not yet enrolled for the year, hardship persons first, with name, masked
     * ID number, household and what they still owe: the village cadres' visiting list (also as xlsx or CSV).
     */
    @Operation(summary = "The persons of a unit not yet enrolled",
            description = "Roles supervisor, admin; a supervisor scoped to a unit sees that unit and its villages (and "
                    + "gets their own unit when naming none). Hardship persons first, then by township, village, "
                    + "household and name: name, masked ID number, household, categories, entitlement state and what "
                    + "is still owed (null: the standard contribution). Also as xlsx or CSV (`?format=`).")
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public OutreachLists.OutreachList outreach(
            @Parameter(description = "The policy year, e.g. 2023.") @PathParam("policyYear") int policyYear,
            @Parameter(description = "A township or village (乡镇 or 村) as on the roster.") @QueryParam("unit") String unit) {
        return lists.of(policyYear, unit);
    }
}

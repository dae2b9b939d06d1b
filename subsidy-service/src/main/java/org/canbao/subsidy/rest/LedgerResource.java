package org.canbao.subsidy.rest;

import jakarta.annotation.security.RolesAllowed;
import org.canbao.platform.security.CallerScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.canbao.platform.rest.RegionPath;
import org.canbao.platform.rest.Table;
import org.canbao.subsidy.service.Ledger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Ledger", description = "The year's subsidy totals for the finance and medical assistance offices.")
@Path("/api/v1/ledger")
public class LedgerResource {
    private final Ledger ledger;
    private final CallerScope scope;
    private final RegionPath region;

    public LedgerResource(Ledger ledger, CallerScope scope, RegionPath region) {
        this.scope = scope;
        this.ledger = ledger;
        this.region = region;
    }

    /** Subsidy totals by category and funding source, pending subsidies, retroactive subsidies and refunds due. */
    @Operation(summary = "The year's subsidy ledger",
            description = "Roles supervisor, admin (not a supervisor scoped to a unit). Subsidy totals by category and "
                    + "funding source, enrolled and pending subsidies, retroactive subsidies and refunds due, each with "
                    + "persons and an amount, for the deployment's default pooling region, or under "
                    + "`/api/v1/regions/{regionCode}/ledger/{policyYear}` for that region's persons. Also as `text/csv` (UTF-8 with a byte-order mark) or xlsx, by `Accept` or "
                    + "`?format=csv|xlsx`, with Chinese headers.")
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    @Path("{policyYear}")
    public Ledger.LedgerView ledger(@PathParam("policyYear") int year) {
        scope.requireWhole("scope.what.ledger");
        return ledger.of(region.code(), year);
    }
}

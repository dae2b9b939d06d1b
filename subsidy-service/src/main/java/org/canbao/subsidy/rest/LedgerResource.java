package org.canbao.subsidy.rest;

import jakarta.annotation.security.RolesAllowed;
import org.canbao.platform.security.CallerScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.canbao.platform.rest.Table;
import org.canbao.subsidy.service.Ledger;

@Path("/api/v1/ledger/{policyYear}")
public class LedgerResource {
    private final Ledger ledger;
    private final CallerScope scope;

    public LedgerResource(Ledger ledger, CallerScope scope) {
        this.scope = scope;
        this.ledger = ledger;
    }

    /** Subsidy totals by category and funding source, pending subsidies, retroactive subsidies and refunds due. */
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Ledger.LedgerView ledger(@PathParam("policyYear") int year) {
        scope.requireWhole("scope.what.ledger");
        return ledger.of(year);
    }
}

package org.canbao.subsidy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.canbao.subsidy.service.Ledger;

@Path("/api/v1/ledger/{policyYear}")
public class LedgerResource {
    private final Ledger ledger;

    public LedgerResource(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Subsidy totals by category and funding source, pending subsidies, retroactive subsidies and refunds due. */
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public Ledger.LedgerView ledger(@PathParam("policyYear") int year) {
        return ledger.of(year);
    }
}

package org.canbao.subsidy.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.canbao.platform.rest.RegionPath;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The calls of one pooling region (统筹区) of the deployment: the same resources as the calls without a region, which
 * act on the default region (API.md), handed the region the path names.
 */
@Path("/api/v1/regions/{regionCode}")
public class RegionsResource {
    static final String CODE = "The pooling region's code (统筹区, e.g. a city's or county's administrative code): "
            + "1 to 40 letters, digits, underscores or hyphens.";

    private final RegionPath region;
    private final PolicyResource policies;
    private final LedgerResource ledger;

    public RegionsResource(RegionPath region, PolicyResource policies, LedgerResource ledger) {
        this.region = region;
        this.policies = policies;
        this.ledger = ledger;
    }

    @Path("policies")
    public PolicyResource policies(@Parameter(description = CODE, example = "430626") @PathParam("regionCode") String code) {
        region.name(code);
        return policies;
    }

    @Path("ledger")
    public LedgerResource ledger(@Parameter(description = CODE, example = "430626") @PathParam("regionCode") String code) {
        region.name(code);
        return ledger;
    }
}

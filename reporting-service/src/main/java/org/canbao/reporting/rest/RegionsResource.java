package org.canbao.reporting.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.canbao.platform.rest.RegionPath;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The calls of one pooling region (统筹区) of the deployment: each region has its own campaign per year, with its own
 * units, checkpoints and rules. The same resource as the calls without a region, which act on the default region.
 */
@Path("/api/v1/regions/{regionCode}")
public class RegionsResource {
    private final RegionPath region;
    private final CampaignResource campaigns;

    public RegionsResource(RegionPath region, CampaignResource campaigns) {
        this.region = region;
        this.campaigns = campaigns;
    }

    @Path("campaigns")
    public CampaignResource campaigns(@Parameter(description = "The pooling region's code (统筹区, e.g. a city's or "
            + "county's administrative code): 1 to 40 letters, digits, underscores or hyphens.", example = "430626")
                                      @PathParam("regionCode") String code) {
        region.name(code);
        return campaigns;
    }
}

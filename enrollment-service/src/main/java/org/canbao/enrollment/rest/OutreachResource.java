package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.canbao.enrollment.service.OutreachLists;
import org.canbao.platform.rest.Table;

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
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public OutreachLists.OutreachList outreach(@PathParam("policyYear") int policyYear, @QueryParam("unit") String unit) {
        return lists.of(policyYear, unit);
    }
}

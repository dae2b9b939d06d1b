package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.canbao.enrollment.service.RosterService;
import org.canbao.platform.audit.BatchAudit;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;

@Path("/api/v1/residents")
public class ResidentResource {
    private final RosterService roster;
    private final BatchAudit audit;

    public ResidentResource(RosterService roster, BatchAudit audit) {
        this.roster = roster;
        this.audit = audit;
    }

    /** Household roster lines (NDJSON or CSV); each valid line verifies an identity. */
    @POST
    @RolesAllowed("public-security")
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public BatchReport receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return audit.received("/api/v1/residents", contentType, body, roster.receive(BatchBody.parse(body, contentType)));
    }
}

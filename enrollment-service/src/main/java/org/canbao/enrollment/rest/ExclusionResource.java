package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.canbao.enrollment.service.ExclusionService;
import org.canbao.platform.audit.BatchAudit;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;

@Path("/api/v1/exclusions")
public class ExclusionResource {
    private final ExclusionService exclusions;
    private final BatchAudit audit;

    public ExclusionResource(ExclusionService exclusions, BatchAudit audit) {
        this.exclusions = exclusions;
        this.audit = audit;
    }

    /** Persons out of a year's campaign: employee-insured, enrolled elsewhere, student at school, deceased, ... */
    @POST
    @RolesAllowed("medical-insurance")
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public BatchReport receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return audit.received("/api/v1/exclusions", contentType, body, exclusions.receive(BatchBody.parse(body, contentType)));
    }
}

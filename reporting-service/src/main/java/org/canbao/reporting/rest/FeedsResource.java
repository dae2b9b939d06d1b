package org.canbao.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.rest.Problem;
import org.canbao.reporting.service.EnrollmentFeeds;

@Tag(name = "Feed health", description = "The departments' feeds as enrollment-service sees them, for the dashboard.")
@Path("/api/v1/feeds")
public class FeedsResource {
    private final EnrollmentFeeds feeds;

    public FeedsResource(EnrollmentFeeds feeds) {
        this.feeds = feeds;
    }

    /**
     * The departments' feed health from enrollment-service, for the dashboard (same origin, same credentials); 502
     * when enrollment-service cannot be reached.
     */
    @Operation(summary = "The departments' feed health, from enrollment-service",
            description = "Roles supervisor, admin. Enrollment-service's `GET /api/v1/feeds` as it answered, asked "
                    + "with the caller's own credentials, so the dashboard needs one origin; 502 when enrollment-service "
                    + "cannot be reached.")
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response feeds(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return feeds.fetch(authorization)
                .map(a -> Response.status(a.status()).type(a.status() < 300 ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE)
                        .entity(a.body()).build())
                .orElseThrow(() -> new Refused(502, "feeds.unreachable"));
    }
}

package org.canbao.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import org.canbao.platform.batch.Refused;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.canbao.platform.eventstore.ProjectionRebuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Administration", description = "Operations on the service itself.")
@Path("/api/v1/admin")
public class AdminResource {
    private final Instance<ProjectionRebuilder> rebuilders;

    public AdminResource(Instance<ProjectionRebuilder> rebuilders) {
        this.rebuilders = rebuilders;
    }

    /**
     * Rebuilds this service's projection tables from its log (a writing service from its event store, reporting
     * from its topics from offset zero) into fresh tables, and switches over once they caught up: queries keep
     * answering meanwhile. Answers with the events replayed and their rate.
     */
    @Operation(summary = "Rebuild the projections",
            description = "Role admin. Rebuilds this service's projection tables from its log (a writing service "
                    + "from its event store, reporting from its topics from offset zero) while it keeps answering; "
                    + "answers with the events replayed and their rate.")
    @POST
    @Path("/rebuild")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public ProjectionRebuilder.Result rebuild() throws SQLException {
        if (!rebuilders.isResolvable()) {
            throw Refused.notFound("admin.no-projection");
        }
        return rebuilders.get().rebuild();
    }
}

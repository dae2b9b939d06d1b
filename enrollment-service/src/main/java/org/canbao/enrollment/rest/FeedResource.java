package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.canbao.enrollment.domain.FeedHealth;
import org.canbao.enrollment.service.Feeds;
import org.canbao.platform.security.CallerScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Feed health", description = "Whether each department's feed keeps coming, and how its list moves.")
@Path("/api/v1/feeds")
public class FeedResource {
    private final Feeds feeds;
    private final CallerScope scope;

    public FeedResource(Feeds feeds, CallerScope scope) {
        this.feeds = feeds;
        this.scope = scope;
    }

    /**
     * Each department's last feed (time, mode, date, lines accepted and rejected, list size and its change since the
     * feed before), flagged {@code missing}, {@code shrank} or {@code grew}.
     */
    @Operation(summary = "Each department's feed health",
            description = "Roles supervisor, admin (not a supervisor scoped to a unit). Each department's last feed: "
                    + "when, mode, date, lines accepted and rejected, list size and its change since the feed before, "
                    + "flagged `missing`, `shrank` or `grew`.")
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public List<FeedHealth> feeds() {
        scope.requireWhole("scope.what.feeds");
        return feeds.health();
    }
}

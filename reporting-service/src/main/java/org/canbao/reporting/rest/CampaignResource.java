package org.canbao.reporting.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.rest.StrictJson;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.eventstore.EventRelay;
import org.canbao.platform.security.CallerScope;
import org.canbao.reporting.domain.BusinessTime;
import org.canbao.reporting.domain.Trend;
import org.canbao.reporting.domain.CampaignDocument;
import org.canbao.platform.rest.Table;
import org.canbao.reporting.domain.CheckpointBulletin;
import org.canbao.reporting.service.Campaigns;
import org.canbao.reporting.service.Progress;
import org.canbao.reporting.service.ProgressBroadcaster;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/v1/campaigns/{policyYear}")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {
    private final Campaigns campaigns;
    private final Progress progress;
    private final ProgressBroadcaster broadcaster;
    private final EventRelay relay;
    private final CallerScope scope;

    public CampaignResource(Campaigns campaigns, Progress progress, ProgressBroadcaster broadcaster, EventRelay relay,
                            CallerScope scope) {
        this.scope = scope;
        this.campaigns = campaigns;
        this.progress = progress;
        this.broadcaster = broadcaster;
        this.relay = relay;
    }

    /** Defines the year's campaign: units with targets, checkpoints, award and incentive rules. */
    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    public Campaigns.Defined put(@PathParam("policyYear") int year, CampaignDocument document) {
        if (document == null) {
            throw new InvalidInput("campaign.document-required");
        }
        return defined(campaigns.put(year, document));
    }

    /** The allocation table alone, as CSV (the shape of domain/data/*-targets.csv). */
    @PUT
    @RolesAllowed("admin")
    @Consumes({BatchBody.CSV, MediaType.TEXT_PLAIN})
    public Campaigns.Defined putTable(@PathParam("policyYear") int year, String table) {
        return defined(campaigns.put(year, new CampaignDocument(TextNode.valueOf(table), List.of(), null, null)));
    }

    /** The roster checks township names against campaign-defined: answer once that event is on the bus. */
    private Campaigns.Defined defined(Campaigns.Defined defined) {
        relay.flush();
        return defined;
    }

    /**
     * Coverage per unit against target; {@code asOf} answers for any past instant, {@code parent} lists a unit's
     * children. A supervisor scoped to a unit sees that unit and its villages. Checkpoint bulletins, awards and
     * incentives stay whole for them: a bulletin (通报) is sent to every township.
     */
    @GET
    @Path("/progress")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Progress.ProgressView progress(@PathParam("policyYear") int year, @QueryParam("asOf") String asOf,
                                          @QueryParam("parent") String parent) {
        return progress.progress(year, asOf == null ? null : BusinessTime.cutoff(asOf, "asOf"), parent,
                scope.unit().orElse(null));
    }

    /** A unit's enrolments day by day (new, running total, share of target) beside the checkpoints' required ratios. */
    @GET
    @Path("/trend")
    @RolesAllowed({"supervisor", "admin"})
    public Trend trend(@PathParam("policyYear") int year, @QueryParam("unit") String unit) {
        return progress.trend(year, unit == null || unit.isBlank() ? null : unit, scope.unit().orElse(null));
    }

    /** Units that earned the "advanced unit" award at the campaign's cut-off. */
    @GET
    @Path("/awards")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Progress.AwardsView awards(@PathParam("policyYear") int year) {
        return progress.awards(year);
    }


    /** Incentive funds per unit under the campaign's incentive rules. */
    @GET
    @Path("/incentives")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Progress.IncentivesView incentives(@PathParam("policyYear") int year) {
        return progress.incentives(year);
    }


    /** Server-sent events: every unit's figures first, then one event per change of a unit's figures. */
    @GET
    @Path("/progress/stream")
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<ProgressBroadcaster.UnitChange> stream(@PathParam("policyYear") int year) {
        return broadcaster.stream(year, scope.unit().orElse(null));
    }

    /** Each checkpoint's bulletin: the ranking as of its cut-off, top three, last place, units below. */
    @GET
    @Path("/checkpoints")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public List<CheckpointBulletin> checkpoints(@PathParam("policyYear") int year) {
        return progress.checkpoints(year);
    }

}

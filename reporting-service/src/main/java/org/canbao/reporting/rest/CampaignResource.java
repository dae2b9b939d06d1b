package org.canbao.reporting.rest;

import org.canbao.platform.rest.RegionPath;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.canbao.reporting.domain.Reconciliation;
import org.canbao.reporting.service.Campaigns;
import org.canbao.reporting.service.Progress;
import org.canbao.reporting.service.ProgressBroadcaster;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Tag(name = "Campaigns", description = "A policy year's enrolment campaign: units and targets, progress, checkpoint "
        + "bulletins, awards and incentives. These paths act on the deployment's default pooling region; the same calls "
        + "under /api/v1/regions/{regionCode}/campaigns/{policyYear} act on that region's own campaign.")
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {
    static final String CAMPAIGN = """
            {"units": "unit_name,unit_kind,target\\n三阳乡,township,24599\\n城关镇,township,31200",
             "checkpoints": [{"cutoff": "2022-11-10", "requiredRatio": 0.70}],
             "awards": {"minRatio": 0.98, "topN": 15, "cutoff": "2022-12-31"},
             "incentives": {"cutoff": "2022-12-31", "bands": [{"minRatio": 1.00, "perPerson": 1.0}, {"minRatio": 0, "perPerson": 0.5}],
                            "bonusPerPointAbove100": 0.1, "latePerPerson": 0.5, "shortfallPerPerson": 2,
                            "topBonuses": [2000, 1500, 1000], "topBonusMinRatio": 1.0}}""";
    static final String FILES = " Also as `text/csv` (UTF-8 with a byte-order mark) or xlsx, by `Accept` or "
            + "`?format=csv|xlsx`, with Chinese headers and a Chinese file name.";
    static final String TABLE = """
            unit_name,unit_kind,target,ranked
            三阳乡,township,24599,
            城关镇,township,31200,
            县直单位,special_unit,1800,false
            """;

    private final Campaigns campaigns;
    private final Progress progress;
    private final ProgressBroadcaster broadcaster;
    private final EventRelay relay;
    private final CallerScope scope;
    private final RegionPath region;

    public CampaignResource(Campaigns campaigns, Progress progress, ProgressBroadcaster broadcaster, EventRelay relay,
                            CallerScope scope, RegionPath region) {
        this.scope = scope;
        this.region = region;
        this.campaigns = campaigns;
        this.progress = progress;
        this.broadcaster = broadcaster;
        this.relay = relay;
    }

    /** Defines the year's campaign: units with targets, checkpoints, award and incentive rules. */
    @Operation(summary = "Define the year's campaign",
            description = "Role admin. Units with targets (the allocation table as CSV text, or a list of objects "
                    + "with its columns), checkpoints (with or without a `requiredRatio` in (0, 1]), recurring bulletins, "
                    + "`bottomN`, `hardshipFloor`, `targetReductions` (核减), `taxOffices`, award and incentive rules. "
                    + "An unknown field, a wrong type or rules that contradict each other are a 400 naming each JSON path "
                    + "and reason. Inconsistent tables are accepted with `warnings`. Answers once its campaign-defined "
                    + "event is on the bus.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignBody.class),
            examples = @ExampleObject(name = "campaign", value = CampaignResource.CAMPAIGN)))
    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{policyYear}")
    public Campaigns.Defined put(@PathParam("policyYear") int year, JsonNode document) {
        return defined(campaigns.put(region.code(), year, document));
    }

    /** The allocation table alone, as CSV (the shape of domain/data/*-targets.csv). */
    @Operation(summary = "Define the year's campaign from its allocation table",
            description = "Role admin. The allocation table alone as CSV: columns `unit_name`, `unit_kind`, `target`, "
                    + "optional `ranked` (`special_unit` is unranked by default).")
    @RequestBody(required = true, content = {
            @Content(mediaType = BatchBody.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "table", value = CampaignResource.TABLE)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "table", value = CampaignResource.TABLE))})
    @PUT
    @RolesAllowed("admin")
    @Consumes({BatchBody.CSV, MediaType.TEXT_PLAIN})
    @Path("{policyYear}")
    public Campaigns.Defined putTable(@PathParam("policyYear") int year, String table) {
        return defined(campaigns.put(region.code(), year, new CampaignDocument(TextNode.valueOf(table), List.of(), null, null)));
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
    @Operation(summary = "Coverage per unit against target",
            description = "Roles supervisor, admin. `asOf` answers for any past instant (a time with offset, "
                    + "exclusive, or a date: the end of that day in Asia/Shanghai); `parent` lists a unit's children "
                    + "(404 for a unit the campaign does not have). `enrolled` counts paid in full plus zero-payment. A "
                    + "supervisor scoped to a unit sees that unit and its villages." + FILES)
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "Any past instant: a time with offset "
            + "(exclusive) or a date, the end of that day in Asia/Shanghai.", example = "2022-11-10")
    @Parameter(name = "parent", in = ParameterIn.QUERY, description = "A unit whose children to list; without it, "
            + "the top-level units.", example = "三阳乡")
    @GET
    @Path("{policyYear}/progress")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Progress.ProgressView progress(@PathParam("policyYear") int year, @QueryParam("asOf") String asOf,
                                          @QueryParam("parent") String parent) {
        return progress.progress(region.code(), year, asOf == null ? null : BusinessTime.cutoff(asOf, "asOf"), parent,
                scope.unit().orElse(null));
    }

    /** A unit's enrolments day by day (new, running total, share of target) beside the checkpoints' required ratios. */
    @Operation(summary = "A unit's enrolments day by day",
            description = "Roles supervisor, admin. New enrolments per day (Asia/Shanghai), the running total and its "
                    + "share of the target, from the first to the last day anyone enrolled, beside each checkpoint's "
                    + "required ratio: the dashboard's curve. A supervisor scoped to a unit sees its own and its "
                    + "villages'; without `unit`, the whole deployment.")
    @Parameter(name = "unit", in = ParameterIn.QUERY, description = "A unit of the campaign; without it, the whole deployment.")
    @GET
    @Path("{policyYear}/trend")
    @RolesAllowed({"supervisor", "admin"})
    public Trend trend(@PathParam("policyYear") int year, @QueryParam("unit") String unit) {
        return progress.trend(region.code(), year, unit == null || unit.isBlank() ? null : unit, scope.unit().orElse(null));
    }

    /** Units that earned the "advanced unit" award at the campaign's cut-off. */
    @Operation(summary = "Advanced units (awards)",
            description = "Roles supervisor, admin. Units that earned the award at the campaign's cut-off (default: "
                    + "ratio at least 98 %, top 15, at the last checkpoint)."
                    + FILES)
    @GET
    @Path("{policyYear}/awards")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Progress.AwardsView awards(@PathParam("policyYear") int year) {
        return progress.awards(region.code(), year);
    }


    /** Incentive funds per unit under the campaign's incentive rules. */
    @Operation(summary = "Incentive funds per unit",
            description = "Roles supervisor, admin. Under the campaign's incentive rules; 404 when it has none."
                    + FILES)
    @GET
    @Path("{policyYear}/incentives")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public Progress.IncentivesView incentives(@PathParam("policyYear") int year) {
        return progress.incentives(region.code(), year);
    }


    /** Server-sent events: every unit's figures first, then one event per change of a unit's figures. */
    @Operation(summary = "Progress as server-sent events",
            description = "Roles supervisor, admin. Every unit's current figures first, then one event per change of "
                    + "a unit's figures.")
    @GET
    @Path("{policyYear}/progress/stream")
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<ProgressBroadcaster.UnitChange> stream(@PathParam("policyYear") int year) {
        return broadcaster.stream(region.code(), year, scope.unit().orElse(null));
    }

    /** Each checkpoint's and bulletin's ranking as of its cut-off: top three, last place, units below, bottom N. */
    @Operation(summary = "Checkpoint bulletins (通报)",
            description = "Roles supervisor, admin. Each checkpoint and each day of a recurring bulletin, in cut-off "
                    + "order: cut-off, required ratio (null for a bulletin without one) and what it is a share of, the "
                    + "ranking as of the cut-off, top three, last place, units below, the bottom N flagged, and the "
                    + "units whose hardship coverage is below the floor."
                    + FILES)
    @GET
    @Path("{policyYear}/checkpoints")
    @RolesAllowed({"supervisor", "admin"})
    @Produces({MediaType.APPLICATION_JSON, Table.CSV, Table.XLSX})
    public List<CheckpointBulletin> checkpoints(@PathParam("policyYear") int year) {
        return progress.checkpoints(region.code(), year);
    }

    /** The year's payments of the region's residents against its tax offices: those paid to another are flagged. */
    @Operation(summary = "Payments to another tax office",
            description = "Roles supervisor, admin. The year's confirmed payments (not reversed) of persons living in "
                    + "the campaign's units, checked against the campaign's `taxOffices`: a payment to another office is "
                    + "flagged `OTHER_TAX_OFFICE` to follow up (Xiyan: paid to another county's tax office). Payments "
                    + "naming no office are counted in `withoutOffice`; with no `taxOffices`, nothing is flagged.")
    @GET
    @Path("{policyYear}/reconciliation")
    @RolesAllowed({"supervisor", "admin"})
    public Reconciliation reconciliation(@PathParam("policyYear") int year) {
        return progress.reconciliation(region.code(), year);
    }

}

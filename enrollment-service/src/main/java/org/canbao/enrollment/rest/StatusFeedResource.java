package org.canbao.enrollment.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.function.Supplier;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.canbao.enrollment.domain.DepartmentCategories;
import org.canbao.enrollment.domain.StatusFeed.Mode;
import org.canbao.enrollment.service.StatusFeedService;
import org.canbao.platform.audit.BatchAudit;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.rest.Table;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.batch.BatchStream;
import org.canbao.platform.rest.BatchFormats;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Tag(name = "Status feeds", description = "The departments' lists of hardship categories (civil affairs, rural "
        + "revitalization, disabled persons' federation, medical insurance).")
@Path("/api/v1/status-feeds/{department}")
public class StatusFeedResource {
    private final StatusFeedService feeds;
    private final DepartmentCategories departments;
    private final SecurityIdentity identity;
    private final BatchAudit audit;

    public StatusFeedResource(StatusFeedService feeds, DepartmentCategories departments, SecurityIdentity identity,
                              BatchAudit audit) {
        this.audit = audit;
        this.feeds = feeds;
        this.departments = departments;
        this.identity = identity;
    }

    /** A department's monthly list; {@code asOf} is the business date it recognised these statuses. */
    @Operation(summary = "A department's list (status feed)",
            description = "Roles civil-affairs, rural-revitalization, disabled-persons-federation, medical-insurance; "
                    + "a department may only send its own feed (else 403), and one that does not exist is a 404. "
                    + "`mode=snapshot` replaces the department's previous list (absent = removed) and needs `asOf`; "
                    + "`mode=delta` (default) applies each line. Events status-changed. The answer adds `added`, "
                    + "`removed` and `unchanged`.")
    @RequestBody(required = true, description = BatchFormats.BATCH, content = {
            @Content(mediaType = BatchBody.NDJSON, schema = @Schema(implementation = BatchLines.StatusFeedLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.FEED_LINE)),
            @Content(mediaType = BatchBody.CSV, schema = @Schema(type = SchemaType.STRING, description = BatchFormats.CSV),
                    examples = {@ExampleObject(name = "fields", value = BatchLines.FEED_CSV),
                            @ExampleObject(name = "chinese", value = BatchLines.FEED_CSV_CHINESE)}),
            @Content(mediaType = BatchBody.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = BatchFormats.XLSX)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchLines.StatusFeedLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.FEED_LINE)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = BatchLines.StatusFeedLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.FEED_LINE))})
    @Parameter(name = "department", in = ParameterIn.PATH, description = "The sending department (its user name).",
            example = "civil-affairs")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "The business date the department recognised "
            + "these statuses (yyyy-MM-dd); required for a snapshot; a line's effectiveDate wins over it.",
            example = "2022-08-31")
    @Parameter(name = "mode", in = ParameterIn.QUERY, description = "`snapshot` replaces the department's list, "
            + "`delta` (default) applies each line.", example = "snapshot")
    @Parameter(name = "region", in = ParameterIn.QUERY, description = "The pooling region whose department sends the "
            + "list (a region some campaign names, or the deployment's default): its statuses carry it, a person "
            + "enrolled in another region is enrolled across regions (跨统筹区), and a snapshot replaces only this "
            + "region's list of the department. Absent: the department's list without a region, as before.",
            example = "370100")
    @POST
    @RolesAllowed({"civil-affairs", "rural-revitalization", "disabled-persons-federation", "medical-insurance"})
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, BatchBody.XLSX, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport receive(@PathParam("department") String department, @QueryParam("asOf") String asOf,
                               @QueryParam("mode") String mode, @QueryParam("region") String region,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return take(department, asOf, mode, region, () -> BatchStream.of(body, contentType));
    }

    /** The same as a file in a multipart form's {@code file} part (xlsx, CSV or NDJSON), as a browser sends it. */
    @POST
    @RolesAllowed({"civil-affairs", "rural-revitalization", "disabled-persons-federation", "medical-insurance"})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport upload(@PathParam("department") String department, @QueryParam("asOf") String asOf,
                              @QueryParam("mode") String mode, @QueryParam("region") String region,
                              @RestForm("file") FileUpload file, @RestForm("charset") String charset) {
        return take(department, asOf, mode, region, () -> BatchStream.ofUpload(file, charset));
    }

    private BatchReport take(String department, String asOf, String mode, String region, Supplier<BatchStream> body) {
        // who may send comes first: a department learns nothing about other paths
        if (!identity.hasRole(department)) {
            throw Refused.forbidden("feed.other-department");
        }
        if (!departments.knows(department)) {
            throw Refused.notFound("feed.unknown-department", department);
        }
        Mode feedMode = mode(mode);
        if (asOf == null && feedMode == Mode.SNAPSHOT) {
            throw new InvalidInput("feed.snapshot-needs-as-of");
        }
        if (region != null && !feeds.knowsRegion(region)) {
            throw Refused.notFound("feed.unknown-region", region);
        }
        // a snapshot names every member at once, so a feed is taken whole (its size is the department's caseload)
        BatchStream lines = body.get();
        // the audit keeps the call as made: feed health reads the mode and date back from it
        String call = "/api/v1/status-feeds/" + department + "?mode=" + feedMode.name().toLowerCase(Locale.ROOT)
                + (asOf == null ? "" : "&asOf=" + asOf) + (region == null ? "" : "&region=" + region);
        return audit.received(call, lines,
                feeds.receive(department, asOf == null ? null : date(asOf), feedMode, region, lines.all()));
    }

    /** A query's {@code asOf}, or 400 naming it. */
    static LocalDate date(String asOf) {
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("feed.as-of-not-date", asOf);
        }
    }

    private static Mode mode(String mode) {
        if (mode == null) {
            return Mode.DELTA;
        }
        try {
            return Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("feed.mode-unknown", mode);
        }
    }
}

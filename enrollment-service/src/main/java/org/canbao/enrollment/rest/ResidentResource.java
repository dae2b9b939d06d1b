package org.canbao.enrollment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.canbao.enrollment.service.RosterService;
import org.canbao.platform.audit.BatchAudit;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.rest.Table;
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

@Tag(name = "Roster", description = "The household roster (户籍): who lives where, from public security.")
@Path("/api/v1/residents")
public class ResidentResource {
    private final RosterService roster;
    private final BatchAudit audit;

    public ResidentResource(RosterService roster, BatchAudit audit) {
        this.roster = roster;
        this.audit = audit;
    }

    /** Household roster lines (NDJSON or CSV); each valid line verifies an identity. */
    @Operation(summary = "Household roster lines",
            description = "Role public-security. Each valid line verifies an identity (event identity-verified). The "
                    + "roster takes effect 5,000 lines at a time while the body is still arriving.")
    @RequestBody(required = true, description = BatchFormats.BATCH, content = {
            @Content(mediaType = BatchBody.NDJSON, schema = @Schema(implementation = BatchLines.RosterLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.ROSTER_LINE)),
            @Content(mediaType = BatchBody.CSV, schema = @Schema(type = SchemaType.STRING, description = BatchFormats.CSV),
                    examples = {@ExampleObject(name = "fields", value = BatchLines.ROSTER_CSV),
                            @ExampleObject(name = "chinese", value = BatchLines.ROSTER_CSV_CHINESE)}),
            @Content(mediaType = BatchBody.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = BatchFormats.XLSX)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchLines.RosterLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.ROSTER_LINE)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = BatchLines.RosterLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.ROSTER_LINE))})
    @POST
    @RolesAllowed("public-security")
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, BatchBody.XLSX, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "The business date of the roster (yyyy-MM-dd, "
            + "default today): a person born less than a year before it is an infant, whose birth date the "
            + "identity-verified event carries for the newborn rules.", example = "2022-08-31")
    public BatchReport receive(@QueryParam("asOf") String asOf,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return take(asOf, BatchStream.of(body, contentType));
    }

    /** The same as a file in a multipart form's {@code file} part (xlsx, CSV or NDJSON), as a browser sends it. */
    @POST
    @RolesAllowed("public-security")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport upload(@QueryParam("asOf") String asOf, @RestForm("file") FileUpload file,
                              @RestForm("charset") String charset) {
        return take(asOf, BatchStream.ofUpload(file, charset));
    }

    private BatchReport take(String asOf, BatchStream lines) {
        LocalDate day = asOf == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")) : StatusFeedResource.date(asOf);
        return audit.received("/api/v1/residents" + (asOf == null ? "" : "?asOf=" + asOf), lines,
                lines.each(body -> roster.receive(body, day)));
    }
}

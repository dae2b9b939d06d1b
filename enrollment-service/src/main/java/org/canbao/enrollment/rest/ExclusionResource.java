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
import org.canbao.enrollment.service.ExclusionService;
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

@Tag(name = "Exclusions", description = "Persons out of a policy year's campaign, from medical insurance.")
@Path("/api/v1/exclusions")
public class ExclusionResource {
    private final ExclusionService exclusions;
    private final BatchAudit audit;

    public ExclusionResource(ExclusionService exclusions, BatchAudit audit) {
        this.exclusions = exclusions;
        this.audit = audit;
    }

    /** Persons out of a year's campaign: employee-insured, enrolled elsewhere, student at school, deceased, ... */
    @Operation(summary = "Exclusion lines",
            description = "Role medical-insurance. Each valid line excludes a person from a policy year's campaign "
                    + "(event person-excluded): employee-insured, enrolled elsewhere, student at school, deceased, …")
    @RequestBody(required = true, description = BatchFormats.BATCH, content = {
            @Content(mediaType = BatchBody.NDJSON, schema = @Schema(implementation = BatchLines.ExclusionLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.EXCLUSION_LINE)),
            @Content(mediaType = BatchBody.CSV, schema = @Schema(type = SchemaType.STRING, description = BatchFormats.CSV),
                    examples = {@ExampleObject(name = "fields", value = BatchLines.EXCLUSION_CSV),
                            @ExampleObject(name = "chinese", value = BatchLines.EXCLUSION_CSV_CHINESE)}),
            @Content(mediaType = BatchBody.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = BatchFormats.XLSX)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchLines.ExclusionLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.EXCLUSION_LINE)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = BatchLines.ExclusionLine.class),
                    examples = @ExampleObject(name = "line", value = BatchLines.EXCLUSION_LINE))})
    @POST
    @RolesAllowed("medical-insurance")
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, BatchBody.XLSX, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return take(BatchStream.of(body, contentType));
    }

    /** The same as a file in a multipart form's {@code file} part (xlsx, CSV or NDJSON), as a browser sends it. */
    @POST
    @RolesAllowed("medical-insurance")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport upload(@RestForm("file") FileUpload file, @RestForm("charset") String charset) {
        return take(BatchStream.ofUpload(file, charset));
    }

    private BatchReport take(BatchStream lines) {
        return audit.received("/api/v1/exclusions", lines, lines.each(exclusions::receive));
    }
}

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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

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
    @POST
    @RolesAllowed({"civil-affairs", "rural-revitalization", "disabled-persons-federation", "medical-insurance"})
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, BatchBody.XLSX, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport receive(@PathParam("department") String department, @QueryParam("asOf") String asOf,
                               @QueryParam("mode") String mode,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return take(department, asOf, mode, () -> BatchStream.of(body, contentType));
    }

    /** The same as a file in a multipart form's {@code file} part (xlsx, CSV or NDJSON), as a browser sends it. */
    @POST
    @RolesAllowed({"civil-affairs", "rural-revitalization", "disabled-persons-federation", "medical-insurance"})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport upload(@PathParam("department") String department, @QueryParam("asOf") String asOf,
                              @QueryParam("mode") String mode, @RestForm("file") FileUpload file,
                              @RestForm("charset") String charset) {
        return take(department, asOf, mode, () -> BatchStream.ofUpload(file, charset));
    }

    private BatchReport take(String department, String asOf, String mode, Supplier<BatchStream> body) {
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
        // a snapshot names every member at once, so a feed is taken whole (its size is the department's caseload)
        BatchStream lines = body.get();
        // the audit keeps the call as made: feed health reads the mode and date back from it
        String call = "/api/v1/status-feeds/" + department + "?mode=" + feedMode.name().toLowerCase(Locale.ROOT)
                + (asOf == null ? "" : "&asOf=" + asOf);
        return audit.received(call, lines,
                feeds.receive(department, asOf == null ? null : date(asOf), feedMode, lines.all()));
    }

    private static LocalDate date(String asOf) {
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

package org.canbao.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import org.canbao.platform.security.CallerScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.canbao.platform.batch.InvalidInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The batches this service received, for supervisors: who sent what, when, and what became of it. */
@Tag(name = "Batches received", description = "The audit of every batch received: who sent what, when, and what became of it.")
@Path("/api/v1/batches")
public class BatchesResource {
    private final BatchAudit audit;
    private final CallerScope scope;

    public BatchesResource(BatchAudit audit, CallerScope scope) {
        this.scope = scope;
        this.audit = audit;
    }

    @Operation(summary = "The batches received",
            description = "Roles supervisor, admin. Newest first, at most 1,000. `source` is the sender's user "
                    + "(`tax-stream` for the Kafka stream); `from` and `to` are dates (Asia/Shanghai) or times with "
                    + "offset.")
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "The sender's user, or `tax-stream`.",
            example = "tax")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "A date (Asia/Shanghai) or a time with offset.",
            example = "2022-11-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "A date (Asia/Shanghai) or a time with offset.",
            example = "2022-11-30T00:00:00+08:00")
    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public List<BatchAudit.Entry> list(@QueryParam("source") String source, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        scope.requireWhole("scope.what.batches");
        return audit.list(source, time("from", from), time("to", to));
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime()
                    : OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput("query.not-date-or-time", name, value);
        }
    }
}

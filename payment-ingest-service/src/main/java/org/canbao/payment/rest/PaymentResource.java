package org.canbao.payment.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.OffsetDateTime;
import org.canbao.contracts.EventCodec;
import org.canbao.payment.service.PaymentService;
import org.canbao.platform.audit.BatchAudit;
import org.canbao.platform.batch.BatchBody;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.rest.Table;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.batch.BatchStream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.canbao.platform.security.CallerScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.canbao.platform.rest.BatchFormats;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Tag(name = "Payments", description = "Contribution payments confirmed by the tax bureau, their reversals, and those to follow up.")
@Path("/api/v1/payments")
public class PaymentResource {
    private final PaymentService payments;
    private final BatchAudit audit;
    private final CallerScope scope;

    public PaymentResource(PaymentService payments, BatchAudit audit, CallerScope scope) {
        this.scope = scope;
        this.payments = payments;
        this.audit = audit;
    }

    /** Payment confirmations from the tax bureau (NDJSON or CSV), one per receipt. */
    @Operation(summary = "Payment confirmations",
            description = "Role tax. One line per receipt; each valid line is a payment received (event "
                    + "payment-received). A line with an unlisted channel or another region's tax office is accepted "
                    + "and listed under `flagged`. Payments take effect 5,000 lines at a time.")
    @RequestBody(required = true, description = BatchFormats.BATCH, content = {
            @Content(mediaType = BatchBody.NDJSON, schema = @Schema(implementation = PaymentLine.class),
                    examples = @ExampleObject(name = "line", value = PaymentLine.LINE)),
            @Content(mediaType = BatchBody.CSV, schema = @Schema(type = SchemaType.STRING, description = BatchFormats.CSV),
                    examples = {@ExampleObject(name = "fields", value = PaymentLine.CSV),
                            @ExampleObject(name = "chinese", value = PaymentLine.CSV_CHINESE)}),
            @Content(mediaType = BatchBody.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = BatchFormats.XLSX)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentLine.class),
                    examples = @ExampleObject(name = "line", value = PaymentLine.LINE)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = PaymentLine.class),
                    examples = @ExampleObject(name = "line", value = PaymentLine.LINE))})
    @POST
    @RolesAllowed("tax")
    @Consumes({BatchBody.NDJSON, BatchBody.CSV, BatchBody.XLSX, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return take(BatchStream.of(body, contentType));
    }

    /** The same as a file in a multipart form's {@code file} part (xlsx, CSV or NDJSON), as a browser sends it. */
    @POST
    @RolesAllowed("tax")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, Table.XLSX, Table.CSV})
    public BatchReport upload(@RestForm("file") FileUpload file, @RestForm("charset") String charset) {
        return take(BatchStream.ofUpload(file, charset));
    }

    private BatchReport take(BatchStream lines) {
        return audit.received("/api/v1/payments", lines, lines.each(payments::receive));
    }

    /** An accepted payment to follow up, as a clerk reads it: the ID number masked. */
    public record FlaggedPayment(String receiptId, String maskedId, int policyYear, java.math.BigDecimal amount, String channel,
                                 OffsetDateTime paidAt, String taxOffice, java.time.Instant recordedAt, String flags) {
    }

    /** Accepted payments that need following up (another county's tax office, an unlisted channel), oldest first. */
    @Operation(summary = "Payments to follow up",
            description = "Roles tax, supervisor, medical-insurance. Accepted payments flagged for follow-up (an "
                    + "unlisted channel, another region's tax office), oldest first; `policyYear` narrows to one year.")
    @Parameter(name = "policyYear", in = ParameterIn.QUERY, description = "Only this policy year.", example = "2023")
    @GET
    @Path("/flagged")
    @RolesAllowed({"tax", "supervisor", "medical-insurance"})
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.List<FlaggedPayment> flagged(@QueryParam("policyYear") Integer policyYear) {
        scope.requireWhole("scope.what.flagged-payments");
        return payments.flagged(policyYear).stream().map(p -> new FlaggedPayment(p.receiptId, p.maskedId, p.policyYear,
                p.amount, p.channel, p.paidAt, p.taxOffice, p.recordedAt, p.flags)).toList();
    }

    public record ReversalRequest(String reason, OffsetDateTime reversedAt) {
    }

    /** Reverses a confirmed payment (a bank return, a payment in error); the entitlement is decided again. */
    @Operation(summary = "Reverse a payment",
            description = "Role tax. Reverses a confirmed payment (a bank return, a payment in error): event "
                    + "payment-reversed, and the entitlement is decided again. The body is optional; reversing "
                    + "again answers `duplicate: true`.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReversalRequest.class),
            examples = @ExampleObject(name = "reversal",
                    value = "{\"reason\": \"bank return\", \"reversedAt\": \"2022-11-25T10:00:00+08:00\"}")))
    @APIResponse(responseCode = "200", description = "The payment is reversed (`duplicate` when it already was).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentService.Reversal.class)))
    @APIResponse(responseCode = "404", description = "No payment with this receipt id.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @POST
    @Path("/{receiptId}/reversal")
    @RolesAllowed("tax")
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentService.Reversal reverse(@PathParam("receiptId") String receiptId, String body) {
        ReversalRequest request = new ReversalRequest(null, null);
        if (body != null && !body.isBlank()) {
            try {
                request = EventCodec.mapper().readValue(body, ReversalRequest.class);
            } catch (JsonProcessingException e) {
                throw new InvalidInput("payment.reversal-body");
            }
        }
        return payments.reverse(receiptId, request.reversedAt(), request.reason());
    }
}

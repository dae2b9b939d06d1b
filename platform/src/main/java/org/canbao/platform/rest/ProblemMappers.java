package org.canbao.platform.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.eventstore.ConcurrentAppendException;
import org.canbao.platform.inbox.ConsumerBatches;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json}; unexpected ones only with a reference to the log line. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = e.getMessage() == null ? status.getReasonPhrase() : IdNumber.scrub(e.getMessage());
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    /** A body that is not JSON, or JSON of the wrong shape: say where and what. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " (field " + mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) + ")"
                : "";
        return Problem.response(400, "Bad Request", IdNumber.scrub("the body cannot be read" + where + field + ": " + e.getOriginalMessage()));
    }

    /** Quarkus maps this one to an empty 400 by itself; ours says which field. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problem.response(400, "Bad Request", IdNumber.scrub(detail));
    }

    /** Bad input, said so by the code that found it; any other IllegalArgumentException is a bug, a 500. */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return Problem.response(400, "Bad Request", IdNumber.scrub(String.valueOf(e.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalidIdNumber(IdNumber.InvalidIdNumber e) {
        return Problem.response(400, "Bad Request", e.getMessage());
    }

    /** A field the document's type does not have: its name and the ones it has, without Canbao's class names. */
    @ServerExceptionMapper
    public Response unknownField(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
        return Problem.response(400, "Bad Request", IdNumber.scrub("unknown field '" + e.getPropertyName() + "' (known: "
                + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentAppendException || ConsumerBatches.lostRace(t)) {
                // nothing of the request committed; sent again, what another request already did counts as duplicates
                return Response.fromResponse(Problem.response(409, "Conflict", "another request changed the same records "
                        + "at the same moment and nothing of this one was kept; send it again")).header("Retry-After", "1").build();
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed, reference %s", reference);
        return Problem.response(500, "Internal Server Error",
                "the request could not be completed; quote reference " + reference);
    }
}

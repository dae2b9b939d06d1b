package org.canbao.platform.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.canbao.contracts.IdNumber;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json}; unexpected ones only with a reference to the log line. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = e.getMessage() == null ? status.getReasonPhrase() : IdNumber.scrub(e.getMessage());
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problem.response(400, "Bad Request", IdNumber.scrub(detail));
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return Problem.response(400, "Bad Request", IdNumber.scrub(String.valueOf(e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf("request failed, reference %s: %s %s", reference, e.getClass().getName(), e.getMessage());
        return Problem.response(500, "Internal Server Error",
                "the request could not be completed; quote reference " + reference);
    }
}

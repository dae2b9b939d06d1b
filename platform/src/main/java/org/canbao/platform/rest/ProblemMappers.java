package org.canbao.platform.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.batch.Refused;
import org.canbao.platform.eventstore.ConcurrentAppendException;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;
import org.canbao.platform.i18n.Messages;
import org.canbao.platform.inbox.ConsumerBatches;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as {@code application/problem+json}, in the caller's language ({@code Accept-Language}: English
 * when it prefers {@code en}, else Chinese) with the message's stable {@code code}; unexpected ones only with a
 * reference to the log line.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static Language language(HttpHeaders headers) {
        return Language.of(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Refused on purpose by Canbao's code (a bad document, an unknown unit, a caller outside its scope). */
    @ServerExceptionMapper
    public Response refused(Refused e, HttpHeaders headers) {
        return Problem.response(e.status(), e.message(), language(headers));
    }

    /**
     * What the framework refuses (no such path, a method or media type not served, a role missing): the status's
     * own words from the catalog, since the framework's message is English only.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return unknownField(unknown, headers);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, headers);
        }
        return status(e.getResponse().getStatus(), headers);
    }

    /** A role the endpoint does not allow (Quarkus's own mapper would answer without a body). */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER)
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers) {
        return status(403, headers);
    }

    private static Response status(int status, HttpHeaders headers) {
        String code = "http." + status + ".detail";
        Message detail = Messages.template(Language.ZH, code) != null ? Message.of(code) : Message.of("http.other.detail", status);
        return Problem.response(status, detail, language(headers));
    }

    /** A body that is not JSON, or JSON of the wrong shape: say where and what. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers) {
        JsonLocation at = e.getLocation();
        Object where = at == null ? "" : Message.of("body.at", at.getLineNr(), at.getColumnNr());
        Object field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? Message.of("body.field", jsonPath(mapping.getPath()))
                : "";
        return Problem.response(400, Message.of("body.unreadable", where, field, String.valueOf(e.getOriginalMessage())), language(headers));
    }

    /** Quarkus maps this one to an empty 400 by itself; ours says which field. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, HttpHeaders headers) {
        return unreadableJson(e, headers);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problem.response(400, Message.of("body.constraints", detail), language(headers));
    }

    @ServerExceptionMapper
    public Response invalidIdNumber(IdNumber.InvalidIdNumber e, HttpHeaders headers) {
        return Problem.response(400, Message.of(e.code(), e.args().toArray()), language(headers));
    }

    /** A field the document's type does not have: its name and the ones it has, without Canbao's class names. */
    @ServerExceptionMapper
    public Response unknownField(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e, HttpHeaders headers) {
        String known = String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
        Message detail = e.getPath().size() > 1
                ? Message.of("body.unknown-field-at", jsonPath(e.getPath()), e.getPropertyName(), known)
                : Message.of("body.unknown-field", e.getPropertyName(), known);
        return Problem.response(400, detail, language(headers));
    }

    /** A JSON path as a document's author writes it: {@code benefitRules[2].days}. */
    static String jsonPath(java.util.List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                text.append('[').append(r.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentAppendException || ConsumerBatches.lostRace(t)) {
                // nothing of the request committed; sent again, what another request already did counts as duplicates
                return Response.fromResponse(Problem.response(409, Message.of("problem.conflict"), language(headers)))
                        .header("Retry-After", "1").build();
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed, reference %s", reference);
        return Problem.response(500, Message.of("problem.unexpected", reference), language(headers));
    }
}

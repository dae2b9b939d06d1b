package org.canbao.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;
import org.canbao.platform.i18n.Messages;

/**
 * An RFC 9457 problem document; {@code title} and {@code detail} are written for the caller in their language
 * ({@link Language}), {@code code} says which message it is in any language, and nothing holds a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, Message detail, Language language) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(new Problem("about:blank", title(status, language), status, detail.render(language), null, detail.code()))
                .build();
    }

    /** The status's name in {@code language}; a status the catalog does not name keeps its HTTP reason phrase. */
    static String title(int status, Language language) {
        String title = Messages.template(language, "http." + status);
        if (title != null) {
            return title;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? String.valueOf(status) : known.getReasonPhrase();
    }
}

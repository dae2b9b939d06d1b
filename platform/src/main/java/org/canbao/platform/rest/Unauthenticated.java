package org.canbao.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.canbao.contracts.EventCodec;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A call to {@code /api/*} without valid credentials answers 401 with a problem document in the caller's language,
 * like every other error. Quarkus's HTTP security ends such a response without a body, before any JAX-RS mapper
 * could write one, so this answers at the HTTP layer: a call with no credentials at all before authentication
 * runs (it could only be refused), and one whose credentials fail when authentication reports the failure.
 */
@ApplicationScoped
public class Unauthenticated {
    /** Above authentication (200), below CORS (300), so a browser's preflight is still answered first. */
    private static final int BEFORE_AUTHENTICATION = 250;

    private final boolean bearer;

    public Unauthenticated(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean bearer) {
        this.bearer = bearer;
    }

    void withoutCredentials(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith("/api/")
                    && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                answer(context);
            } else {
                context.next();
            }
        }, BEFORE_AUTHENTICATION);
    }

    void withBadCredentials(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
                answer(context);
            } else {
                context.next();
            }
        });
    }

    private void answer(RoutingContext context) {
        Language language = Language.of(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Message detail = Message.of("http.401.detail");
        Problem problem = new Problem("about:blank", Problem.title(401, language), 401, detail.render(language), null, detail.code());
        String body;
        try {
            body = EventCodec.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
        context.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8")
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader("WWW-Authenticate", "Basic realm=\"Quarkus\"");
        if (bearer) {
            context.response().headers().add("WWW-Authenticate", "Bearer");
        }
        context.response().end(body);
    }
}

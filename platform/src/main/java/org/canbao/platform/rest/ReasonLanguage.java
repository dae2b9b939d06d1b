package org.canbao.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.canbao.platform.batch.BatchReport;
import org.canbao.platform.i18n.Language;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A batch answer's reasons are rendered in the caller's language at the response boundary, whatever thread ran the
 * batch: the rules only say which message ({@code code} and arguments), never in which language.
 */
public class ReasonLanguage {
    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof BatchReport report) {
            report.renderIn(Language.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}

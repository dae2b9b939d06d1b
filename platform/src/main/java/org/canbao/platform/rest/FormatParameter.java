package org.canbao.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * {@code ?format=csv} or {@code ?format=xlsx} asks for a table as that file, where a link (the dashboard's export
 * buttons, a bookmark) cannot set {@code Accept}; {@code format=json} asks for JSON.
 */
@Provider
@PreMatching
public class FormatParameter implements ContainerRequestFilter {
    private static final Map<String, String> TYPES = Map.of("csv", Table.CSV, "xlsx", Table.XLSX, "json", "application/json");

    @Override
    public void filter(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format != null && TYPES.containsKey(format.toLowerCase(java.util.Locale.ROOT))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, TYPES.get(format.toLowerCase(java.util.Locale.ROOT)));
        }
    }
}

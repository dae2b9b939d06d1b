package org.canbao.platform.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * An endpoint that lists {@link Table#CSV} and {@link Table#XLSX} besides JSON in its {@code @Produces} answers its
 * usual object, and this filter turns it into a table by the service's {@link TableLayout} when the caller asked for a
 * file. JSON stays the answer to {@code Accept: *}{@code /*}, as the endpoint lists it first.
 */
@Provider
public class TableResponses implements ContainerResponseFilter {
    private static final MediaType CSV = MediaType.valueOf(Table.CSV);
    private static final MediaType XLSX = MediaType.valueOf(Table.XLSX);
    private final Instance<TableLayout> layouts;

    public TableResponses(Instance<TableLayout> layouts) {
        this.layouts = layouts;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        Object answer = response.getEntity();
        if (type == null || answer == null || answer instanceof Table
                || !(type.isCompatible(CSV) || type.isCompatible(XLSX))) {
            return;
        }
        for (TableLayout layout : layouts) {
            Table table = layout.table(answer, request.getUriInfo());
            if (table != null) {
                response.setEntity(table, null, type);
                return;
            }
        }
        throw new IllegalStateException("no table layout for " + answer.getClass().getSimpleName());
    }
}

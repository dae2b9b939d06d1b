package org.canbao.platform.rest;

import jakarta.ws.rs.core.UriInfo;

/**
 * How a service lays one of its JSON answers out as a {@link Table}, for callers who ask for CSV or xlsx. A service
 * declares its layouts as beans; {@link TableResponses} asks each in turn.
 */
public interface TableLayout {
    /** The table for this answer, or null when this layout is not the one for it. */
    Table table(Object answer, UriInfo request);
}

package org.canbao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode. Extension attributes: {@code schemaversion}; and, for an event
 * read from a service's event store, {@code stream} (the aggregate), {@code sequence} (its version in that stream)
 * and {@code previous} (the version of the stream's previous event on the same topic, 0 for the first), so a
 * consumer of one topic can tell a duplicate or a late event ({@code sequence} not above what it holds) from a gap
 * ({@code previous} above what it holds). Events written before the store have none of the three.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(String specversion, String id, String source, String type, String subject,
                            OffsetDateTime time, String datacontenttype, int schemaversion, String stream,
                            Long sequence, Long previous, JsonNode data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public boolean versioned() {
        return stream != null && sequence != null;
    }

    /** The attributes alone, once the payload has been read from {@code data}: no JSON tree kept alive with them. */
    public EventEnvelope withoutData() {
        return new EventEnvelope(specversion, id, source, type, subject, time, datacontenttype, schemaversion, stream,
                sequence, previous, null);
    }
}

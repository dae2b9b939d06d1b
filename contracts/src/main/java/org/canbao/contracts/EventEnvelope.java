package org.canbao.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A CloudEvents 1.0 event in structured JSON mode; {@code schemaversion} is an extension attribute. */
public record EventEnvelope(String specversion, String id, String source, String type, String subject,
                            OffsetDateTime time, String datacontenttype, int schemaversion, JsonNode data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}

package org.canbao.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes and reads events. Readers tolerate unknown fields, so a producer may add fields without a new
 * schema version; a removed or retyped field needs a new version and an upcaster here.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(IsoTimes.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An event outside any stream: it is deduplicated by id only. */
    public static EventEnvelope envelope(String source, CanbaoEvent event) {
        return envelope(source, event, null, null, null);
    }

    /** An event of a stream: its version there, and the version of the stream's previous event on its topic. */
    public static EventEnvelope envelope(String source, CanbaoEvent event, String stream, Long sequence, Long previous) {
        EventType type = EventType.of(event);
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source, type.ceType(),
                event.subject(), OffsetDateTime.now(ZoneOffset.UTC), "application/json", type.schemaVersion(),
                stream, sequence, previous, MAPPER.valueToTree(event));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + envelope.type(), e);
        }
    }

    public static EventEnvelope read(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvents JSON record: " + e.getOriginalMessage());
        }
    }

    /**
     * Brings an older payload to the current schema, one version at a time. The versions that only added the
     * stream attributes to the envelope (identity-verified 3, every other type 2) left the payload as it was.
     */
    private static JsonNode upcast(EventType type, int version, JsonNode data) {
        if (type == EventType.IDENTITY_VERIFIED && version == 1 && data instanceof ObjectNode v1) {
            ObjectNode v2 = v1.deepCopy();
            JsonNode birthDate = v2.remove("birthDate");
            if (birthDate != null && birthDate.isTextual() && birthDate.asText().length() >= 4) {
                v2.put("birthYear", Integer.parseInt(birthDate.asText().substring(0, 4)));
            }
            return v2;
        }
        return data;
    }

    /** The payload as the current class, whatever schema version it was written with. */
    public static <T extends CanbaoEvent> T payload(EventEnvelope envelope, Class<T> expected) {
        EventType type = EventType.ofCeType(envelope.type());
        if (type.payload() != expected) {
            throw new IllegalArgumentException(envelope.type() + " is not " + expected.getSimpleName());
        }
        if (envelope.schemaversion() > type.schemaVersion()) {
            throw new IllegalArgumentException(envelope.type() + " version " + envelope.schemaversion()
                    + " is newer than this reader (" + type.schemaVersion() + ")");
        }
        try {
            return MAPPER.treeToValue(upcast(type, envelope.schemaversion(), envelope.data()), expected);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad " + envelope.type() + " payload: " + e.getOriginalMessage());
        }
    }
}

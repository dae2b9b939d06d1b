package org.canbao.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** A record read as an event: its attributes, with no data kept, and its payload as the current class. */
    public record Read<T>(EventEnvelope envelope, T payload) {
    }

    /**
     * The same as {@link #read} and then {@link #payload}, in one pass where it can be: when the record gives its type
     * and schema version before its data (every envelope {@link #write} writes does) and the data needs no upcasting,
     * the data is bound straight to the payload class, without a JSON tree in between. Profiled, reading records was
     * 40 % of reporting-service's rebuild, the tree and its traversal half of that. Anything else goes the two steps.
     */
    public static <T extends CanbaoEvent> Read<T> readEvent(String json, Class<T> expected) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return twoSteps(json, expected);
            }
            String specversion = null, id = null, source = null, type = null, subject = null, contentType = null, stream = null;
            OffsetDateTime time = null;
            Integer schemaversion = null;
            Long sequence = null, previous = null;
            T payload = null;
            boolean bound = false;
            String boundType = null;
            Integer boundVersion = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "specversion" -> specversion = text(p);
                    case "id" -> id = text(p);
                    case "source" -> source = text(p);
                    case "type" -> type = text(p);
                    case "subject" -> subject = text(p);
                    case "time" -> time = p.readValueAs(OffsetDateTime.class);
                    case "datacontenttype" -> contentType = text(p);
                    case "schemaversion" -> schemaversion = p.currentToken() == JsonToken.VALUE_NUMBER_INT
                            ? Integer.valueOf(p.getIntValue()) : p.readValueAs(Integer.class);
                    case "stream" -> stream = text(p);
                    case "sequence" -> sequence = number(p);
                    case "previous" -> previous = number(p);
                    case "data" -> {
                        if (bound || !bindsDirectly(type, schemaversion, expected)) {
                            return twoSteps(json, expected);
                        }
                        payload = boundPayload(p, type, expected);
                        bound = true;
                        boundType = type;
                        boundVersion = schemaversion;
                    }
                    default -> p.skipChildren();
                }
            }
            if (!bound || !type.equals(boundType) || !schemaversion.equals(boundVersion)) {
                return twoSteps(json, expected); // no data, or the type or version came again after it
            }
            return new Read<>(new EventEnvelope(specversion, id, source, type, subject, time, contentType,
                    schemaversion == null ? 0 : schemaversion, stream, sequence, previous, null), payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvents JSON record: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends CanbaoEvent> Read<T> twoSteps(String json, Class<T> expected) {
        EventEnvelope envelope = read(json);
        return new Read<>(envelope.withoutData(), payload(envelope, expected));
    }

    /** Whether data of this type and version is the expected class's current schema, to bind as it is read. */
    private static boolean bindsDirectly(String ceType, Integer version, Class<?> expected) {
        EventType type = ceType == null || version == null ? null : EventType.findCeType(ceType);
        return type != null && type.payload() == expected && version >= 1 && version <= type.schemaVersion()
                && !upcastNeeded(type, version);
    }

    private static <T> T boundPayload(JsonParser p, String ceType, Class<T> expected) throws IOException {
        try {
            return p.readValueAs(expected);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad " + ceType + " payload: " + e.getOriginalMessage());
        }
    }

    /** A whole number as read directly, anything else as the mapper would bind it (each bind costs a context). */
    private static Long number(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT ? Long.valueOf(p.getLongValue()) : p.readValueAs(Long.class);
    }

    private static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : p.readValueAs(String.class);
    }

    private static boolean upcastNeeded(EventType type, int version) {
        return type == EventType.IDENTITY_VERIFIED && version == 1;
    }

    /**
     * Brings an older payload to the current schema, one version at a time. The versions that only added the
     * stream attributes to the envelope (identity-verified 3, every other type 2) left the payload as it was.
     */
    private static JsonNode upcast(EventType type, int version, JsonNode data) {
        if (upcastNeeded(type, version) && data instanceof ObjectNode v1) {
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

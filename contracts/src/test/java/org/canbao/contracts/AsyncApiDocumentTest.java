package org.canbao.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/asyncapi.yaml describes each topic's event as the records here write it: a field added to or removed from a
 * record, or an envelope attribute, fails this test until the document says so too (spectral checks its examples).
 */
class AsyncApiDocumentTest {
    private static final JsonNode DOCUMENT = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docs", "asyncapi.yaml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("docs/asyncapi.yaml cannot be read", e);
        }
    }

    private static Set<String> fields(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> names.add(c.getName()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTopicIsDescribedWithItsPayloadTypeAndVersion(EventType type) {
        JsonNode channel = DOCUMENT.path("channels").path(type.topic());
        String message = channel.path("subscribe").path("message").path("$ref").asText();
        assertTrue(message.startsWith("#/components/messages/"), type.topic() + " has no message");
        JsonNode payload = DOCUMENT.path("components").path("messages")
                .path(message.substring("#/components/messages/".length())).path("payload");
        JsonNode own = payload.path("allOf").path(1).path("properties");

        assertEquals("#/components/schemas/CloudEvent", payload.path("allOf").path(0).path("$ref").asText());
        assertEquals(type.ceType(), own.path("type").path("const").asText());
        assertEquals(type.schemaVersion(), own.path("schemaversion").path("enum").get(own.path("schemaversion")
                .path("enum").size() - 1).asInt(), "the newest documented version of " + type.topic());
        String data = own.path("data").path("$ref").asText();
        JsonNode schema = DOCUMENT.path("components").path("schemas")
                .path(data.substring("#/components/schemas/".length()));
        assertEquals(components(type.payload()), fields(schema), type.payload().getSimpleName());
        assertTrue(DOCUMENT.path("channels").path("{topic}.dead-letter").path("parameters").path("topic")
                .path("schema").path("enum").toString().contains("\"" + type.topic() + "\""));
    }

    @Test
    void theEnvelopeHasEveryAttributeOfEventEnvelope() {
        assertEquals(components(EventEnvelope.class), fields(DOCUMENT.path("components").path("schemas")
                .path("CloudEvent")));
    }
}

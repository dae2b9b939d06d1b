package org.canbao.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/** Checks every service's OpenAPI document shares: where a member is, what a part says, and how calls authenticate. */
public final class ApiDocuments {
    private ApiDocuments() {
    }

    /** The member at this path of keys (a missing node when there is none). */
    public static JsonNode at(JsonNode node, String... keys) {
        for (String key : keys) {
            node = node.path(key);
        }
        return node;
    }

    /** The node's text (or JSON) holds every part. */
    public static void assertContains(JsonNode node, String... parts) {
        String text = node.isTextual() ? node.asText() : node.toString();
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' not in " + text);
        }
    }

    /** A path item's fields that are not operations (a region's path names its {@code regionCode} parameter once). */
    private static final Set<String> PATH_ITEM_FIELDS = Set.of("parameters", "summary", "description", "servers", "$ref");

    /**
     * The document names its service and server, has both security schemes (Basic and the OIDC bearer), every
     * operation documents 401 and 403, takes either scheme and has an operation id no other operation has.
     */
    public static void assertNamesServiceAndSecuresEveryCall(JsonNode doc, String title, String server) {
        assertEquals(title, at(doc, "info", "title").asText());
        assertEquals(server, at(doc, "servers").path(0).path("url").asText());
        assertEquals("basic", at(doc, "components", "securitySchemes", "basicAuth", "scheme").asText());
        assertEquals("bearer", at(doc, "components", "securitySchemes", "oidcBearer", "scheme").asText());
        Set<String> ids = new HashSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> !PATH_ITEM_FIELDS.contains(operation.getKey())).forEach(operation -> {
            String where = operation.getKey() + " " + path.getKey();
            assertTrue(operation.getValue().path("responses").has("401"), where);
            assertTrue(operation.getValue().path("responses").has("403"), where);
            assertContains(operation.getValue().path("security"), "basicAuth", "oidcBearer");
            String id = operation.getValue().path("operationId").asText();
            assertTrue(id.isEmpty() || ids.add(id), "operation id " + id + " repeated at " + where);
        }));
    }
}

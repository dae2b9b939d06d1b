package org.canbao.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.canbao.contracts.EventCodec;
import org.canbao.infra.LocalInfraResource;
import org.junit.jupiter.api.Test;

/** What an integrator reads in /q/openapi: bodies with schemas and examples, the answers, the schemes. */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class OpenApiDocumentTest {
    @Test
    void theCampaignBodiesHaveExamples() throws Exception {
        JsonNode content = at(document(), "paths", "/api/v1/campaigns/{policyYear}", "put", "requestBody",
                "content");
        assertContains(at(content, "application/json", "schema"), "CampaignDefinition");
        assertContains(at(content, "application/json", "examples"), "checkpoints", "requiredRatio", "incentives");
        assertTrue(at(content, "text/csv", "examples").toString().contains("unit_name,unit_kind,target"),
                content.toString());
    }

    @Test
    void theDocumentNamesThisServiceAndHowToAuthenticate() throws Exception {
        JsonNode doc = document();
        assertEquals("Canbao reporting", at(doc, "info", "title").asText());
        assertEquals("http://localhost:8084", at(doc, "servers").path(0).path("url").asText());
        assertEquals("basic", at(doc, "components", "securitySchemes", "basicAuth", "scheme").asText());
        assertEquals("bearer", at(doc, "components", "securitySchemes", "oidcBearer", "scheme").asText());
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey() + " " + path.getKey();
            assertTrue(operation.getValue().path("responses").has("401"), where);
            assertTrue(operation.getValue().path("responses").has("403"), where);
            assertContains(operation.getValue().path("security"), "basicAuth", "oidcBearer");
        }));
    }

    private static JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return EventCodec.mapper().readTree(json);
    }

    private static JsonNode at(JsonNode node, String... keys) {
        for (String key : keys) {
            node = node.path(key);
        }
        return node;
    }

    private static void assertContains(JsonNode node, String... parts) {
        String text = node.isTextual() ? node.asText() : node.toString();
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' not in " + text);
        }
    }
}

package org.canbao.payment.rest;

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
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void thePaymentBodyHasALineSchemaAndExamples() throws Exception {
        JsonNode doc = document();
        JsonNode content = at(doc, "paths", "/api/v1/payments", "post", "requestBody", "content");
        assertContains(at(content, "application/x-ndjson", "schema"), "PaymentLine");
        assertContains(at(doc, "components", "schemas", "PaymentLine", "required"), "receiptId", "idNumber",
                "policyYear", "amount", "channel", "paidAt");
        assertTrue(at(content, "text/csv", "examples", "fields", "value").asText()
                .startsWith("receiptId,idNumber,policyYear,amount"), content.toString());
        assertTrue(at(content, "text/csv", "examples", "chinese", "value").asText().startsWith("票据号,身份证号码"));
        assertEquals("binary", at(content, XLSX, "schema", "format").asText());
        assertTrue(at(doc, "paths", "/api/v1/payments", "post", "responses").has("413"));
    }

    @Test
    void theReversalBodyIsJson() throws Exception {
        JsonNode reversal = at(document(), "paths", "/api/v1/payments/{receiptId}/reversal", "post");
        JsonNode content = at(reversal, "requestBody", "content");
        assertEquals(1, content.size(), content.toString());
        assertContains(at(content, "application/json", "schema"), "ReversalRequest");
        assertContains(at(content, "application/json", "examples"), "reversedAt");
        assertContains(at(reversal, "responses", "200"), "Reversal");
        assertTrue(at(reversal, "responses").has("404"));
    }

    @Test
    void theDocumentNamesThisServiceAndHowToAuthenticate() throws Exception {
        JsonNode doc = document();
        assertEquals("Canbao payment ingest", at(doc, "info", "title").asText());
        assertEquals("http://localhost:8082", at(doc, "servers").path(0).path("url").asText());
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

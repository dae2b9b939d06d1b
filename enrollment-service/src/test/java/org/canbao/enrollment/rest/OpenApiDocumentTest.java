package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.canbao.infra.ApiDocuments.assertContains;
import static org.canbao.infra.ApiDocuments.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.canbao.contracts.EventCodec;
import org.canbao.infra.LocalInfraResource;
import org.junit.jupiter.api.Test;

/** What an integrator reads in /q/openapi: every batch body's line schema and examples, the answers, the schemes. */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class OpenApiDocumentTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return EventCodec.mapper().readTree(json);
    }

    @Test
    void theRosterBodyHasALineSchemaAndExamplesForEveryMediaType() throws Exception {
        JsonNode doc = document();
        JsonNode content = at(doc, "paths", "/api/v1/residents", "post", "requestBody", "content");

        assertContains(at(content, "application/x-ndjson", "schema"), "RosterLine");
        assertEquals(18, at(content, "application/x-ndjson", "examples", "line", "value", "idNumber").asText().length());
        assertContains(at(doc, "components", "schemas", "RosterLine", "required"), "idNumber", "name", "householdId",
                "township");

        assertContains(at(content, "text/csv", "schema", "type"), "string");
        assertContains(at(content, "text/csv", "schema", "description"), "身份证号码");
        assertTrue(at(content, "text/csv", "examples", "fields", "value").asText()
                .startsWith("idNumber,name,householdId,township"), content.toString());
        assertTrue(at(content, "text/csv", "examples", "chinese", "value").asText().startsWith("公民身份号码,姓名"));

        assertEquals("binary", at(content, XLSX, "schema", "format").asText());
        assertContains(at(content, XLSX, "schema", "description"), "first sheet");

        assertEquals("binary", at(content, "multipart/form-data", "schema", "properties", "file", "format").asText());
    }

    @Test
    void everyApiCallDocumentsItsProblemAnswersAndBothSecuritySchemes() throws Exception {
        JsonNode doc = document();
        JsonNode schemes = at(doc, "components", "securitySchemes");
        assertEquals("basic", at(schemes, "basicAuth", "scheme").asText());
        assertEquals("bearer", at(schemes, "oidcBearer", "scheme").asText());
        assertContains(at(doc, "components", "responses", "BadRequest", "content", "application/problem+json",
                "schema"), "Problem");
        assertContains(at(doc, "components", "responses", "Forbidden", "content", "application/problem+json",
                "schema"), "Problem");
        assertTrue(at(doc, "components", "responses", "Unauthorized", "headers").has("WWW-Authenticate"));
        assertTrue(at(doc, "components", "schemas", "Problem", "properties").has("detail"));

        JsonNode roster = at(doc, "paths", "/api/v1/residents", "post");
        for (String status : new String[] {"200", "400", "401", "403", "413"}) {
            assertTrue(at(roster, "responses").has(status), status);
        }
        assertTrue(at(roster, "responses", "401", "$ref").asText().endsWith("/Unauthorized"));
        assertContains(at(roster, "security"), "basicAuth", "oidcBearer");

        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey() + " " + path.getKey();
            assertTrue(operation.getValue().path("responses").has("401"), where);
            assertTrue(operation.getValue().path("responses").has("403"), where);
        }));
    }

    @Test
    void theDocumentNamesThisService() throws Exception {
        JsonNode doc = document();
        assertEquals("Canbao enrollment", at(doc, "info", "title").asText());
        assertContains(at(doc, "info", "description"), "roster");
        assertEquals("http://localhost:8081", at(doc, "servers").path(0).path("url").asText());
    }
}

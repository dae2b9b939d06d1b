package org.canbao.subsidy.rest;

import static io.restassured.RestAssured.given;
import static org.canbao.infra.ApiDocuments.assertContains;
import static org.canbao.infra.ApiDocuments.at;
import static org.canbao.infra.ApiDocuments.assertNamesServiceAndSecuresEveryCall;
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
    void thePolicyBodyHasItsSchemaAndAnExample() throws Exception {
        JsonNode doc = document();
        JsonNode json = at(doc, "paths", "/api/v1/policies/{policyYear}", "put", "requestBody", "content",
                "application/json");
        assertContains(at(json, "schema"), "PolicyDocument");
        assertContains(at(json, "examples"), "\"tiers\"", "MINIMUM_LIVING", "baseListDate");
        assertTrue(at(doc, "paths", "/api/v1/policies/{policyYear}", "put", "responses").has("400"));
    }

    @Test
    void theDocumentNamesThisServiceAndHowToAuthenticate() throws Exception {
        assertNamesServiceAndSecuresEveryCall(document(), "Canbao subsidy", "http://localhost:8083");
    }

    private static JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return EventCodec.mapper().readTree(json);
    }
}

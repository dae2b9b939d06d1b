package org.canbao.reporting.rest;

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
        assertNamesServiceAndSecuresEveryCall(document(), "Canbao reporting", "http://localhost:8084");
    }

    private static JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return EventCodec.mapper().readTree(json);
    }
}

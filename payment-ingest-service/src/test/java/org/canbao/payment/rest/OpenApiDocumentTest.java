package org.canbao.payment.rest;

import static io.restassured.RestAssured.given;
import static org.canbao.infra.ApiDocuments.assertContains;
import static org.canbao.infra.ApiDocuments.at;
import static org.canbao.infra.ApiDocuments.assertNamesServiceAndSecuresEveryCall;
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
        assertNamesServiceAndSecuresEveryCall(document(), "Canbao payment ingest", "http://localhost:8082");
    }

    private static JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return EventCodec.mapper().readTree(json);
    }
}

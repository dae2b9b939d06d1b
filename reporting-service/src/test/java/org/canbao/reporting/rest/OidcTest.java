package org.canbao.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdentityVerified;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.OidcServer;
import org.canbao.infra.OidcServerResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production identity: bearer tokens from a real OpenID Connect issuer (started by the test, over HTTP), roles from
 * the token's claim, and a supervisor scoped to a township who sees that township and its villages only.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
@TestProfile(OidcTest.WithIssuer.class)
class OidcTest {
    public static class WithIssuer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcServerResource.class));
        }
    }

    private static final String CAMPAIGN = """
            {"units":[{"name":"甲镇","kind":"township","target":4},{"name":"乙镇","kind":"township","target":2}]}""";

    private static OidcServer issuer() {
        return OidcServerResource.server();
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification as(String user, String role, String unit) {
        return bearer(issuer().token(user, List.of(role), unit));
    }

    private static void publish(String topic, CanbaoEvent event) {
        TopicWriter.send(TestInfra.broker().bootstrapServers(), topic, event.subject(),
                EventCodec.write(EventCodec.envelope("/test", event)));
    }

    private static void person(String key, String township, String village, boolean enrolled) {
        publish("identity-verified", new IdentityVerified(key, "430626********0000", "H-" + key, township, village,
                "ACTIVE", 1980, Instant.now()));
        if (enrolled) {
            publish("entitlement-changed", new EntitlementChanged(key, 2031, 1, "PAID", false,
                    OffsetDateTime.parse("2030-10-01T10:00:00+08:00"), BigDecimal.ZERO, new BigDecimal("380.00"),
                    new BigDecimal("380.00")));
        }
    }

    private static boolean defined;

    /** Once, in the first test (a static set-up would run before the application listens). */
    @BeforeEach
    synchronized void campaignWithTwoTownships() throws InterruptedException {
        if (defined) {
            return;
        }
        defined = true;
        as("county-admin", "admin", null).contentType("application/json").body(CAMPAIGN.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/2031").then().statusCode(200);
        person("o1", "甲镇", "东村", true);
        person("o2", "甲镇", "西村", false);
        person("o3", "乙镇", "南村", true);
        person("o4", "乙镇", "南村", true);
        for (int i = 0; i < 150; i++) {
            Integer enrolled = as("county", "supervisor", null).get("/api/v1/campaigns/2031/progress")
                    .then().extract().path("total.enrolled");
            if (Integer.valueOf(3).equals(enrolled)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the projection never counted the three enrolled persons");
    }

    @Test
    void aTokenFromTheIssuersTokenEndpointIsAccepted() {
        String token = given().baseUri(issuer().issuer()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("username", "county").formParam("roles", "supervisor")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        bearer(token).get("/api/v1/campaigns/2031/progress").then().statusCode(200)
                .body("units.name", contains("甲镇", "乙镇"));
    }

    @Test
    void rolesComeFromTheTokensClaim() {
        as("tax-system", "tax", null).get("/api/v1/campaigns/2031/progress").then().statusCode(403);
        as("clerk", "civil-affairs", null).contentType("application/json").body(CAMPAIGN)
                .put("/api/v1/campaigns/2032").then().statusCode(403);
    }

    @Test
    void expiredForgedAndForeignTokensAreRefused() {
        bearer(issuer().expiredToken("county", List.of("supervisor"))).get("/api/v1/campaigns/2031/progress")
                .then().statusCode(401);
        bearer(issuer().forgedToken("county", List.of("admin"))).get("/api/v1/campaigns/2031/progress")
                .then().statusCode(401);
        bearer(issuer().foreignIssuerToken("county", List.of("admin"))).get("/api/v1/campaigns/2031/progress")
                .then().statusCode(401);
        bearer("not-a-token").get("/api/v1/campaigns/2031/progress").then().statusCode(401);
    }

    @Test
    void aTownshipSupervisorSeesTheTownshipAndItsVillagesOnly() {
        // 乙镇 leads (2 of 2), 甲镇 is second (1 of 4): the scoped view keeps the county's ranking
        as("jia", "supervisor", "甲镇").get("/api/v1/campaigns/2031/progress").then().statusCode(200)
                .body("units.name", contains("甲镇")).body("units[0].rank", equalTo(2))
                .body("total.enrolled", equalTo(1));
        as("jia", "supervisor", "甲镇").get("/api/v1/campaigns/2031/progress?parent=甲镇").then().statusCode(200)
                .body("units.name", contains("东村", "西村"));
        as("jia", "supervisor", "甲镇").get("/api/v1/campaigns/2031/progress?parent=乙镇").then().statusCode(403)
                .body("detail", containsString("甲镇"));
        as("nan", "supervisor", "南村").get("/api/v1/campaigns/2031/progress?parent=甲镇").then().statusCode(403);
        as("nan", "supervisor", "南村").get("/api/v1/campaigns/2031/progress").then().statusCode(200)
                .body("units", org.hamcrest.Matchers.empty());
        as("nan", "supervisor", "南村").get("/api/v1/campaigns/2031/progress?parent=乙镇").then().statusCode(200)
                .body("units.name", contains("南村"));
        as("jia", "supervisor", "甲镇").get("/api/v1/batches").then().statusCode(403);
        as("county", "supervisor", null).get("/api/v1/batches").then().statusCode(200);
        // an admin is never scoped
        as("root", "admin", "甲镇").get("/api/v1/campaigns/2031/progress").then().statusCode(200)
                .body("units.name", contains("甲镇", "乙镇"));
    }

    @Test
    void basicUsersStillWorkInTheTestProfile() {
        assertEquals(200, given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2031/progress").statusCode());
    }
}

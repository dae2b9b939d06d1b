package org.canbao.deploy;

import static org.canbao.deploy.EndToEnd.ok;
import static org.canbao.deploy.EndToEnd.eventually;
import static org.canbao.deploy.EndToEnd.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.OidcServer;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.canbao.simulator.Api;

/**
 * The walking skeleton end to end: the four services as their own processes, built from this reactor,
 * against one real Kafka broker and one real PostgreSQL database.
 */
class WalkingSkeletonIT {
    private static final IdNumber RESIDENT = IdNumber.of(Pingjiang.REGION_CODE, LocalDate.of(1958, 4, 9), 33);
    private static final String NDJSON = "application/x-ndjson";
    private static Suite suite;
    private static String database;

    @BeforeAll
    static void startSuite() throws Exception {
        database = TestInfra.freshDatabase("e2e");
        suite = EndToEnd.start("e2e", database, TestInfra.broker().bootstrapServers());
        suite.startUpTimes().forEach((s, d) -> System.out.printf("start-up %s: %d ms%n", s.module(), d.toMillis()));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
        TestInfra.postgres().dropDatabase(database);
    }

    /** A built service has no default pseudonym key: without one it does not start, and says why. */
    @Test
    void aServiceWithoutAPseudonymKeyRefusesToStart() throws Exception {
        Path log = Path.of("target", "e2e-logs", "no-key.log");
        Files.deleteIfExists(log);
        Process process = ServiceProcess.start(Path.of("").toAbsolutePath().getParent(), ServiceSpec.SUBSIDY, freePort(),
                Map.of("CANBAO_DB_URL", TestInfra.postgres().jdbcUrl(database),
                        "KAFKA_BOOTSTRAP_SERVERS", TestInfra.broker().bootstrapServers(),
                        "QUARKUS_PROFILE", "prod", "CANBAO_OIDC_URL", "http://127.0.0.1:1/realms/canbao"), log);
        try {
            assertTrue(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "it stops by itself");
            assertTrue(process.exitValue() != 0, "and fails");
            assertTrue(Files.readString(log).contains("CANBAO_PSEUDONYM_KEY"), "naming what is missing");
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * A built service in {@code prod}: bearer tokens from the OIDC issuer only (the local Basic users do not exist),
     * health and metrics on the management port only, Swagger UI on the API port, and the database as its own role.
     */
    @Test
    void aBuiltServiceInProductionTakesBearerTokensOnly() throws Exception {
        Path log = Path.of("target", "e2e-logs", "prod.log");
        Files.deleteIfExists(log);
        int port = freePort();
        try (OidcServer issuer = OidcServer.start()) {
            Process process = ServiceProcess.start(Path.of("").toAbsolutePath().getParent(), ServiceSpec.REPORTING, port,
                    Map.of("CANBAO_DB_URL", TestInfra.postgres().jdbcUrl(database),
                            "KAFKA_BOOTSTRAP_SERVERS", TestInfra.broker().bootstrapServers(),
                            "CANBAO_PSEUDONYM_KEY", "end-to-end-test-pseudonym-key",
                            "QUARKUS_PROFILE", "prod", "CANBAO_OIDC_URL", issuer.issuer()), log);
            try {
                ServiceProcess.awaitReady(process, port, Duration.ofSeconds(120), log);
                String url = "http://127.0.0.1:" + port;
                assertEquals(401, call(url + "/api/v1/channels", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes())).statusCode(), "no local users in prod");
                assertEquals(200, call(url + "/api/v1/channels",
                        "Bearer " + issuer.token("county", List.of("supervisor"), null)).statusCode());
                assertEquals(401, call(url + "/api/v1/channels",
                        "Bearer " + issuer.forgedToken("county", List.of("supervisor"))).statusCode());
                assertEquals(404, call(url + "/q/health/ready", null).statusCode(), "no health on the API port");
                assertEquals(404, call(url + "/q/metrics", null).statusCode(), "no metrics on the API port");
                assertEquals(200, call(url + "/q/swagger-ui/", null).statusCode(), "Swagger UI is built in");
                String management = "http://127.0.0.1:" + ServiceProcess.managementPort(port);
                assertEquals(200, call(management + "/q/health/ready", null).statusCode());
                assertTrue(call(management + "/q/metrics", null).body().contains("jvm_memory_used_bytes"), "metrics on the management port");
            } finally {
                process.destroy();
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** Each service's role has rights on its own schema only. */
    @Test
    void eachServiceRoleSeesOnlyItsOwnSchema() throws Exception {
        String url = TestInfra.postgres().jdbcUrl(database);
        try (var enrollment = java.sql.DriverManager.getConnection(url, "canbao_enrollment", "");
             var statement = enrollment.createStatement()) {
            statement.executeQuery("select count(*) from enrollment.resident").close();
            java.sql.SQLException denied = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> statement.executeQuery("select count(*) from subsidy.event_store"));
            assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
            assertThrows42501(() -> statement.execute("create table reporting.intruder (x int)"));
        }
    }

    private static void assertThrows42501(org.junit.jupiter.api.function.Executable executable) {
        java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, executable);
        assertEquals("42501", e.getSQLState(), e.getMessage());
    }

    private static java.net.http.HttpResponse<String> call(String url, String authorization) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneResidentCrossesAllFourServices() {
        Api enrollment = suite.http(ServiceSpec.ENROLLMENT);
        Api payments = suite.http(ServiceSpec.PAYMENT_INGEST);
        Api subsidy = suite.http(ServiceSpec.SUBSIDY);
        Api reporting = suite.http(ServiceSpec.REPORTING);

        assertEquals(200, subsidy.put("admin", "/api/v1/policies/2023", "application/json", Pingjiang.POLICY).status());
        Api.Answer campaign = reporting.put("admin", "/api/v1/campaigns/2023", "application/json", Pingjiang.campaign());
        assertEquals(200, campaign.status(), campaign.body());
        assertEquals(26, campaign.json().get("units").asInt());

        String unknownPlace = "{\"idNumber\":\"" + IdNumber.of(Pingjiang.REGION_CODE, LocalDate.of(1970, 1, 1), 5).value()
                + "\",\"name\":\"钱六\",\"householdId\":\"H9\",\"township\":\"不存在镇\"}";

        // 1. A roster line verifies an identity; bad lines come back numbered and the good one still counts.
        //    It is sent right after the campaign: its townships must already count as known.
        String roster = String.join("\n",
                "{\"idNumber\":\"" + RESIDENT.value() + "\",\"name\":\"周七\",\"householdId\":\"H1\",\"township\":\"梅仙镇\",\"village\":\"浆市村\"}",
                "{\"idNumber\":\"" + RESIDENT.value().substring(0, 17) + wrongCheck() + "\",\"name\":\"吴八\",\"householdId\":\"H2\",\"township\":\"梅仙镇\"}",
                unknownPlace);
        JsonNode rosterReport = ok(enrollment.post("public-security", "/api/v1/residents", NDJSON, roster));
        assertEquals(1, rosterReport.get("accepted").asInt());
        assertRejected(rosterReport, 0, 2, "身份证号码校验位错误");
        assertRejected(rosterReport, 1, 3, "未知乡镇“不存在镇”");

        // 2. A civil-affairs snapshot line; a category the department may not report is rejected.
        String feed = "idNumber,name,category\n" + RESIDENT.value() + ",周七,MINIMUM_LIVING\n" + RESIDENT.value() + ",周七,SEVERE_DISABILITY\n";
        JsonNode feedReport = ok(enrollment.post("civil-affairs",
                "/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=snapshot", "text/csv", feed));
        assertEquals(1, feedReport.get("accepted").asInt());
        assertEquals(1, feedReport.get("added").asInt());
        assertRejected(feedReport, 0, 3, "民政部门无权报送“重度残疾”类别");

        // 3. The subsidy service applies Pingjiang 2023: half of 350.
        String entitlementPath = "/api/v1/entitlements/" + RESIDENT.value() + "?policyYear=2023";
        JsonNode due = eventually("the subsidy is decided", () -> subsidy.get("supervisor", entitlementPath),
                a -> a.status() == 200 && "175.00".equals(a.json().get("subsidy").asText())).json();
        assertEquals("175.00", due.get("personalDue").asText());
        assertEquals("UNPAID", due.get("state").asText());
        assertEquals(RESIDENT.masked(), due.get("idNumber").asText());

        // 4. The payment; a malformed amount is rejected by line.
        String paymentLines = String.join("\n",
                "{\"receiptId\":\"PJ-0001\",\"idNumber\":\"" + RESIDENT.value() + "\",\"policyYear\":2023,\"amount\":\"175.00\",\"channel\":\"WECHAT\",\"paidAt\":\"2022-10-08T09:30:00+08:00\"}",
                "{\"receiptId\":\"PJ-0002\",\"idNumber\":\"" + RESIDENT.value() + "\",\"policyYear\":2023,\"amount\":\"17x.00\",\"channel\":\"WECHAT\",\"paidAt\":\"2022-10-08T09:31:00+08:00\"}");
        JsonNode paymentReport = ok(payments.post("tax", "/api/v1/payments", NDJSON, paymentLines));
        assertEquals(1, paymentReport.get("accepted").asInt());
        assertRejected(paymentReport, 0, 2, "“缴费金额”的值“17x.00”不是以元为单位的金额，例如 175.00");
        assertEquals(1, ok(payments.post("tax", "/api/v1/payments", NDJSON, paymentLines)).get("duplicates").asInt());

        JsonNode paid = eventually("the payment settles the entitlement", () -> subsidy.get("supervisor", entitlementPath),
                a -> a.status() == 200 && "PAID".equals(a.json().get("state").asText())).json();
        assertEquals("2023-01-01", paid.get("coveredFrom").asText());

        // 5. Reporting counts the township's resident as enrolled, and not before the payment's business time.
        JsonNode progress = eventually("reporting counts the enrolment",
                () -> reporting.get("supervisor", "/api/v1/campaigns/2023/progress"),
                a -> a.status() == 200 && unit(a.json(), "梅仙镇").get("enrolled").asInt() == 1).json();
        JsonNode meixian = unit(progress, "梅仙镇");
        assertEquals(60780, meixian.get("target").asInt());
        assertEquals(1, meixian.get("hardship").get("total").asInt());
        assertEquals(1, meixian.get("hardship").get("enrolled").asInt());
        assertEquals(0, unit(progress, "三阳乡").get("enrolled").asInt());
        JsonNode before = ok(reporting.get("supervisor", "/api/v1/campaigns/2023/progress?asOf=2022-10-08T09:00:00%2B08:00"));
        assertEquals(0, unit(before, "梅仙镇").get("enrolled").asInt());
        JsonNode villages = ok(reporting.get("supervisor", "/api/v1/campaigns/2023/progress?parent=梅仙镇".replace("梅仙镇", "%E6%A2%85%E4%BB%99%E9%95%87")));
        assertEquals("浆市村", villages.get("units").get(0).get("name").asText());

        // The bus carries pseudonyms, never the number itself.
        for (String topic : List.of("identity-verified", "status-changed", "payment-received", "entitlement-changed")) {
            List<ConsumerRecord<String, String>> records = TopicReader.await(TestInfra.broker().bootstrapServers(), topic,
                    seen -> !seen.isEmpty(), Duration.ofSeconds(20));
            assertFalse(records.isEmpty(), topic);
            records.forEach(r -> assertFalse(r.value().contains(RESIDENT.value()), topic + " carries an ID number"));
        }
    }

    private static char wrongCheck() {
        return RESIDENT.value().charAt(17) == '1' ? '2' : '1';
    }

    private static JsonNode unit(JsonNode progress, String name) {
        for (JsonNode unit : progress.get("units")) {
            if (name.equals(unit.get("name").asText())) {
                return unit;
            }
        }
        throw new AssertionError(name + " not in " + progress);
    }

    private static void assertRejected(JsonNode report, int index, int line, String reason) {
        JsonNode rejection = report.get("rejected").get(index);
        assertNotNull(rejection, report.toString());
        assertEquals(line, rejection.get("line").asInt(), report.toString());
        assertEquals(reason, rejection.get("reason").asText(), report.toString());
    }
}

package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.LocalInfraResource;
import org.junit.jupiter.api.Test;

/** Reasons and problems in Chinese by default, in English on {@code Accept-Language: en}, the same code in both. */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class ReasonLanguageTest {
    private static final IdNumber SUN = IdNumber.of("430626", LocalDate.of(1970, 4, 4), 31);

    private static String badCheckDigit(IdNumber id) {
        char last = id.value().charAt(17);
        return id.value().substring(0, 17) + (last == '1' ? '2' : '1');
    }

    private static JsonPath post(String user, String path, String language, String body) {
        var request = given().auth().preemptive().basic(user, user).contentType("text/csv");
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.body(body.getBytes(StandardCharsets.UTF_8)).post(path).then().statusCode(200)
                .header("Vary", containsString("Accept-Language")).extract().jsonPath();
    }

    @Test
    void aRosterReasonIsChineseByDefaultAndEnglishOnRequestWithTheSameCodeAndField() {
        String roster = "idNumber,name,householdId,township\n" + badCheckDigit(SUN) + ",孙九,S1,梅仙镇\n";
        JsonPath chinese = post("public-security", "/api/v1/residents", null, roster);
        JsonPath english = post("public-security", "/api/v1/residents", "en-US,en;q=0.9,zh;q=0.5", roster);
        assertEquals("身份证号码校验位错误", chinese.getString("rejected[0].reason"), chinese.prettify());
        assertEquals("id number check digit", english.getString("rejected[0].reason"), english.prettify());
        for (JsonPath answer : List.of(chinese, english)) {
            assertEquals("id-number.check-digit", answer.getString("rejected[0].code"));
            assertEquals("idNumber", answer.getString("rejected[0].field"));
            assertEquals(2, answer.getInt("rejected[0].line"));
        }
        assertEquals("身份证号码校验位错误", post("public-security", "/api/v1/residents", "fr-FR", roster)
                .getString("rejected[0].reason"), "a language Canbao does not speak gets Chinese");
    }

    @Test
    void anExclusionLineReportsEveryBadField() {
        String lines = "idNumber,policyYear,reason\n" + SUN.value() + ",1999,ON_HOLIDAY\n";
        JsonPath chinese = post("medical-insurance", "/api/v1/exclusions", null, lines);
        assertEquals(0, chinese.getInt("accepted"));
        assertEquals(List.of("policyYear", "reason"), chinese.getList("rejected[0].errors.field"), chinese.prettify());
        assertEquals(List.of("field.implausible-year", "exclusion.reason-unknown"), chinese.getList("rejected[0].errors.code"));
        assertEquals("“参保年度”的值1999不是合理的年份", chinese.getString("rejected[0].errors[0].reason"));
        assertEquals("policyYear", chinese.getString("rejected[0].field"));
        assertEquals("field.implausible-year", chinese.getString("rejected[0].code"));
        JsonPath english = post("medical-insurance", "/api/v1/exclusions", "en", lines);
        assertEquals("policyYear 1999 is not a plausible year", english.getString("rejected[0].errors[0].reason"));
        assertEquals(true, english.getString("rejected[0].errors[1].reason").startsWith("reason 'ON_HOLIDAY' is not one of"));
    }

    @Test
    void aStatusFeedLineReportsEveryBadField() {
        String lines = "idNumber,name,category\n" + badCheckDigit(SUN) + ",孙九,不存在类别\n";
        JsonPath chinese = post("civil-affairs", "/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=delta", null, lines);
        assertEquals(List.of("idNumber", "category"), chinese.getList("rejected[0].errors.field"), chinese.prettify());
        assertEquals(List.of("id-number.check-digit", "feed.unknown-category"), chinese.getList("rejected[0].errors.code"));
        assertEquals(List.of("身份证号码校验位错误", "未知人员类别“不存在类别”"), chinese.getList("rejected[0].errors.reason"));
        JsonPath english = post("civil-affairs", "/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=delta", "en", lines);
        assertEquals(List.of("id number check digit", "unknown category '不存在类别'"), english.getList("rejected[0].errors.reason"));
    }

    @Test
    void problemsAreChineseByDefaultWithTheirCode() {
        given().contentType("text/csv").body(new byte[0]).post("/api/v1/residents").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401)).body("title", equalTo("未登录")).body("code", equalTo("http.401.detail"))
                .body("detail", containsString("请先登录"));
        given().header("Accept-Language", "en").contentType("image/png").body(new byte[] {1, 2, 3})
                .post("/api/v1/residents").then()
                .statusCode(401).contentType("application/problem+json").body("title", equalTo("Unauthorized"));
        given().auth().preemptive().basic("public-security", "wrong").contentType("text/csv").body(new byte[0])
                .post("/api/v1/residents").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic")).body("title", equalTo("未登录"));

        given().auth().preemptive().basic("civil-affairs", "civil-affairs").contentType("text/csv").body(new byte[0])
                .post("/api/v1/status-feeds/civil-affairs?mode=snapshot").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("请求有误")).body("code", equalTo("feed.snapshot-needs-as-of"))
                .body("detail", equalTo("全量名单必须提供 asOf：部门认定该名单的日期"));
        given().auth().preemptive().basic("civil-affairs", "civil-affairs").header("Accept-Language", "en")
                .contentType("text/csv").body(new byte[0])
                .post("/api/v1/status-feeds/civil-affairs?mode=snapshot").then()
                .statusCode(400).body("title", equalTo("Bad Request")).body("code", equalTo("feed.snapshot-needs-as-of"))
                .body("detail", equalTo("asOf is required for a snapshot: the date the department recognised the list"));
        given().auth().preemptive().basic("rural-revitalization", "rural-revitalization").contentType("text/csv")
                .body(new byte[0]).post("/api/v1/status-feeds/civil-affairs?asOf=2022-08-31").then()
                .statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("无权操作")).body("detail", equalTo("部门只能报送本部门的名单"));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/persons/" + badCheckDigit(SUN)).then()
                .statusCode(400).body("code", equalTo("id-number.check-digit"))
                .body(not(containsString(SUN.value().substring(6, 14))));
        given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/no-such-path").then()
                .statusCode(404).contentType("application/problem+json").body("title", equalTo("未找到"));
        given().auth().preemptive().basic("supervisor", "supervisor").header("Accept-Language", "en")
                .get("/api/v1/persons/" + SUN.value()).then()
                .statusCode(404).body("code", equalTo("person.not-in-roster"))
                .body("detail", equalTo(SUN.masked() + " is not in the household roster"));
        given().auth().preemptive().basic("public-security", "public-security").contentType("application/x-ndjson")
                .body("{\"idNumber\":1".getBytes(StandardCharsets.UTF_8)).post("/api/v1/residents").then()
                .statusCode(200).body("rejected", hasSize(1)).body("rejected[0].code", equalTo("line.not-json"))
                .body("rejected[0].reason", equalTo("该行不是有效的 JSON"));
    }
}

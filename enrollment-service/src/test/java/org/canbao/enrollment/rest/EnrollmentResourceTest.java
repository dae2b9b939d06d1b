package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventEnvelope;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class EnrollmentResourceTest {
    @jakarta.inject.Inject
    org.canbao.platform.config.Pseudonymizer pseudonymizer;

    private static final IdNumber ZHANG = IdNumber.of("430626", LocalDate.of(1961, 3, 14), 21);
    private static final IdNumber LI = IdNumber.of("430626", LocalDate.of(1990, 7, 2), 42);
    private static final IdNumber WANG = IdNumber.of("430626", LocalDate.of(1975, 5, 5), 17);
    private static final IdNumber ZHAO = IdNumber.of("430626", LocalDate.of(2001, 12, 30), 8);

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String badCheckDigit(IdNumber id) {
        char last = id.value().charAt(17);
        return id.value().substring(0, 17) + (last == '1' ? '2' : '1');
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aChangedRosterLineUpdatesTheResidentAndARebuildFromTheStoreWritesTheSameRows() {
        IdNumber sun = IdNumber.of("430626", LocalDate.of(1958, 8, 8), 33);
        String line = "{\"idNumber\":\"" + sun.value() + "\",\"name\":\"%s\",\"householdId\":\"H9\",\"township\":\"梅仙镇\"}";
        given().auth().preemptive().basic("public-security", "public-security").contentType("application/x-ndjson")
                .body(bytes(line.formatted("孙一"))).post("/api/v1/residents").then().statusCode(200).body("accepted", equalTo(1));
        given().auth().preemptive().basic("public-security", "public-security").contentType("application/x-ndjson")
                .body(bytes(line.formatted("孙二") + "\n" + line.formatted("孙二"))).post("/api/v1/residents").then()
                .statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(1));
        List<String> before = residentRows();
        assertEquals(1, before.stream().filter(r -> r.startsWith(sun.value() + "|" + pseudonymizer.personKey(sun) + "|孙二|H9|梅仙镇|"))
                .count(), "the second line's name, one row: " + before);

        given().auth().preemptive().basic("admin", "admin").post("/api/v1/admin/rebuild").then().statusCode(200);
        assertEquals(before, residentRows(), "the rows rebuilt from the person streams");
    }

    @SuppressWarnings("unchecked")
    private List<String> residentRows() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select concat_ws('|', id_number, person_key, name, household_id, township, village, status, recorded_at, "
                        + "updated_at) from resident order by id_number").getResultList());
    }

    @Test
    void rosterLinesVerifyIdentitiesAndBadLinesComeBackNumbered() {
        String roster = String.join("\n",
                "{\"idNumber\":\"" + ZHANG.value() + "\",\"name\":\"张三\",\"householdId\":\"" + WANG.value() + "\",\"township\":\"梅仙镇\",\"village\":\"大坪村\"}",
                "{\"idNumber\":\"" + badCheckDigit(LI) + "\",\"name\":\"李四\",\"householdId\":\"H2\",\"township\":\"梅仙镇\"}",
                "not json",
                "{\"idNumber\":\"" + LI.value() + "\",\"name\":\"李四\",\"householdId\":\"H2\",\"township\":\"梅仙镇\"}");
        given().auth().preemptive().basic("public-security", "public-security")
                .contentType("application/x-ndjson").body(bytes(roster))
                .when().post("/api/v1/residents")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", hasSize(2))
                .body("rejected[0].line", equalTo(2))
                .body("rejected[0].field", equalTo("idNumber"))
                .body("rejected[0].code", equalTo("id-number.check-digit"))
                .body("rejected[0].reason", equalTo("身份证号码校验位错误"))
                .body("rejected[1].line", equalTo(3))
                .body(not(containsString(LI.value().substring(6, 14))));

        given().auth().preemptive().basic("public-security", "public-security")
                .contentType("application/x-ndjson").body(bytes(roster))
                .when().post("/api/v1/residents")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));

        List<ConsumerRecord<String, String>> events = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "identity-verified", seen -> seen.size() >= 2, Duration.ofSeconds(30));
        events.forEach(r -> assertFalse(r.value().contains(ZHANG.value()) || r.value().contains(LI.value())
                        || r.value().contains(WANG.value()) || r.value().contains("\"H2\""),
                "the bus never carries a full ID number, nor a household number (often the head's ID number)"));
        EventEnvelope first = EventCodec.read(events.get(0).value());
        assertEquals("1.0", first.specversion());
        assertEquals(first.subject(), events.get(0).key());
    }

    /** The newborn rules need an infant's birth day; for anyone else the event keeps the year only. */
    @Test
    void anInfantsBirthDateAndNoOneElsesReachesTheBus() {
        IdNumber baby = IdNumber.of("430626", LocalDate.of(2022, 2, 1), 61);
        IdNumber toddler = IdNumber.of("430626", LocalDate.of(2021, 1, 15), 62);
        given().auth().preemptive().basic("public-security", "public-security").contentType("application/x-ndjson")
                .body(bytes("{\"idNumber\":\"" + baby.value() + "\",\"name\":\"婴一\",\"householdId\":\"B1\",\"township\":\"梅仙镇\"}\n"
                        + "{\"idNumber\":\"" + toddler.value() + "\",\"name\":\"幼二\",\"householdId\":\"B1\",\"township\":\"梅仙镇\"}"))
                .post("/api/v1/residents?asOf=2022-03-10").then().statusCode(200).body("accepted", equalTo(2));
        given().auth().preemptive().basic("public-security", "public-security").contentType("application/x-ndjson")
                .body(bytes("{\"idNumber\":\"" + baby.value() + "\",\"name\":\"婴一\",\"householdId\":\"B1\",\"township\":\"梅仙镇\"}"))
                .post("/api/v1/residents?asOf=2022-03").then().statusCode(400).body("code", equalTo("feed.as-of-not-date"));
        String babyKey = pseudonymizer.personKey(baby);
        String toddlerKey = pseudonymizer.personKey(toddler);
        List<org.canbao.contracts.IdentityVerified> seen = TopicReader.await(TestInfra.broker().bootstrapServers(),
                        "identity-verified", records -> records.stream().filter(r -> r.key().equals(babyKey) || r.key().equals(toddlerKey)).count() >= 2,
                        Duration.ofSeconds(30)).stream()
                .filter(r -> r.key().equals(babyKey) || r.key().equals(toddlerKey))
                .map(r -> EventCodec.payload(EventCodec.read(r.value()), org.canbao.contracts.IdentityVerified.class)).toList();
        assertEquals(LocalDate.of(2022, 2, 1), seen.stream().filter(i -> i.personKey().equals(babyKey)).findFirst().orElseThrow().birthDate());
        org.canbao.contracts.IdentityVerified older = seen.stream().filter(i -> i.personKey().equals(toddlerKey)).findFirst().orElseThrow();
        assertEquals(null, older.birthDate(), "over a year old on the roster's date: the year only");
        assertEquals(2021, older.birthYear());
    }

    /** A region's list of a department is a list of its own: its snapshot leaves the department's other lists alone. */
    @Test
    void aRegionsSnapshotReplacesOnlyThatRegionsListAndItsStatusesNameTheRegion() {
        IdNumber sun = IdNumber.of("430626", LocalDate.of(1950, 4, 4), 71);
        IdNumber zhou = IdNumber.of("430626", LocalDate.of(1952, 6, 6), 72);
        given().auth().preemptive().basic("public-security", "public-security").contentType("text/csv")
                .body(bytes("idNumber,name,householdId,township\n" + sun.value() + ",孙一,S1,梅仙镇\n" + zhou.value() + ",周二,S2,梅仙镇\n"))
                .post("/api/v1/residents").then().statusCode(200).body("accepted", equalTo(2));
        given().auth().preemptive().basic("medical-insurance", "medical-insurance").contentType("text/csv")
                .body(bytes("idNumber,name,category\n" + sun.value() + ",孙一,FAMILY_PLANNING_REWARD\n"))
                .post("/api/v1/status-feeds/medical-insurance?asOf=2022-08-31&mode=delta").then().statusCode(200)
                .body("added", equalTo(1));
        given().auth().preemptive().basic("medical-insurance", "medical-insurance").contentType("text/csv")
                .body(bytes("idNumber,name,category\n" + zhou.value() + ",周二,FAMILY_PLANNING_REWARD\n"))
                .post("/api/v1/status-feeds/medical-insurance?asOf=2022-09-30&mode=snapshot&region=default")
                .then().statusCode(200).body("added", equalTo(1)).body("removed", equalTo(0));
        given().auth().preemptive().basic("medical-insurance", "medical-insurance").contentType("text/csv")
                .header("Accept-Language", "en")
                .body(bytes("idNumber,name,category\n" + zhou.value() + ",周二,FAMILY_PLANNING_REWARD\n"))
                .post("/api/v1/status-feeds/medical-insurance?asOf=2022-09-30&mode=snapshot&region=no-such-region")
                .then().statusCode(404).body("code", equalTo("feed.unknown-region"));
        String zhouKey = pseudonymizer.personKey(zhou);
        StatusChanged zhouAdded = TopicReader.await(TestInfra.broker().bootstrapServers(), "status-changed",
                        records -> records.stream().anyMatch(r -> r.key().equals(zhouKey)), Duration.ofSeconds(30)).stream()
                .filter(r -> r.key().equals(zhouKey))
                .map(r -> EventCodec.payload(EventCodec.read(r.value()), StatusChanged.class)).findFirst().orElseThrow();
        assertEquals("default", zhouAdded.region());
        assertEquals(StatusChanged.Change.ADDED, zhouAdded.change());
    }

    /** A bureau's own export: Chinese headers, Chinese category names, GBK bytes, sent as it is. */
    @Test
    void aBureausOwnExportWithChineseHeadersAndCategoryNamesIsRead() {
        IdNumber qian = IdNumber.of("430626", LocalDate.of(1988, 8, 8), 88);
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        given().auth().preemptive().basic("public-security", "public-security").contentType("text/csv")
                .body(("身份证号码,姓名,户号,乡镇,村（社区）\n" + qian.value() + ",钱八,Q1,梅仙镇,大坪村\n").getBytes(gbk))
                .post("/api/v1/residents").then().statusCode(200).body("accepted", equalTo(1));
        given().auth().preemptive().basic("rural-revitalization", "rural-revitalization").contentType("text/csv")
                .body(("身份证号码,姓名,人员类别\n" + qian.value() + ",钱八,脱贫不稳定户\n" + qian.value() + ",钱八,不存在类别\n"
                        + qian.value() + ",钱八,建档立卡贫困人员\n").getBytes(gbk))
                .post("/api/v1/status-feeds/rural-revitalization?asOf=2022-08-31&mode=delta").then().statusCode(200)
                .body("accepted", equalTo(2)).body("added", equalTo(2))
                .body("rejected[0].line", equalTo(3)).body("rejected[0].reason", equalTo("未知人员类别“不存在类别”"));
        given().auth().preemptive().basic("rural-revitalization", "rural-revitalization").contentType("text/csv")
                .body(bytes("idNumber,name,category\n" + qian.value() + ",钱八,MONITORED_UNSTABLE\n"))
                .post("/api/v1/status-feeds/rural-revitalization?asOf=2022-08-31&mode=delta").then().statusCode(200)
                .body("added", equalTo(0)).body("unchanged", equalTo(1));
    }

    @Test
    void statusFeedSnapshotsReplaceTheDepartmentsList() {
        given().auth().preemptive().basic("public-security", "public-security")
                .contentType("text/csv")
                .body(bytes("idNumber,name,householdId,township\n" + WANG.value() + ",王一,H1,梅仙镇\n" + ZHAO.value() + ",赵二,H2,梅仙镇\n"))
                .post("/api/v1/residents").then().statusCode(200);

        String both = "idNumber,name,category\n" + WANG.value() + ",王一,MINIMUM_LIVING\n" + ZHAO.value() + ",赵二,EXTREME_POVERTY\n"
                + ZHAO.value() + ",赵二,SEVERE_DISABILITY\n" + ZHAO.value() + ",王五,ORPHAN\n";
        given().auth().preemptive().basic("civil-affairs", "civil-affairs").header("Accept-Language", "en")
                .contentType("text/csv").body(bytes(both))
                .post("/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=snapshot")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("added", equalTo(2)).body("removed", equalTo(0))
                .body("rejected[0].line", equalTo(4))
                .body("rejected[0].reason", equalTo("civil-affairs may not report SEVERE_DISABILITY"))
                .body("rejected[1].line", equalTo(5))
                .body("rejected[1].reason", equalTo("name does not match the household roster"));

        given().auth().preemptive().basic("civil-affairs", "civil-affairs")
                .contentType("text/csv").body(bytes("idNumber,name,category\n" + ZHAO.value() + ",赵二,EXTREME_POVERTY\n"))
                .post("/api/v1/status-feeds/civil-affairs?asOf=2022-09-30&mode=snapshot")
                .then().statusCode(200)
                .body("duplicates", equalTo(1)).body("unchanged", equalTo(1)).body("removed", equalTo(1));

        // the department's list halved from one month to the next: feed health flags it; a silent department is missing
        var feeds = given().auth().preemptive().basic("supervisor", "supervisor").get("/api/v1/feeds")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("snapshot", feeds.getString("find { it.department == 'civil-affairs' }.mode"));
        assertEquals("2022-09-30", feeds.getString("find { it.department == 'civil-affairs' }.asOf"));
        assertEquals(1, feeds.getInt("find { it.department == 'civil-affairs' }.members"));
        assertEquals(2, feeds.getInt("find { it.department == 'civil-affairs' }.previousMembers"));
        assertEquals(List.of("shrank"), feeds.getList("find { it.department == 'civil-affairs' }.flags"));
        assertEquals(List.of("missing"), feeds.getList("find { it.department == 'disabled-persons-federation' }.flags"));
        given().auth().preemptive().basic("civil-affairs", "civil-affairs").get("/api/v1/feeds").then().statusCode(403);

        given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/persons/" + WANG.value())
                .then().statusCode(200)
                .body("idNumber", equalTo(WANG.masked()))
                .body("categories[0].category", equalTo("MINIMUM_LIVING"))
                .body("categories[0].validFrom", equalTo("2022-08-31"))
                .body("categories[0].validUntil", equalTo("2022-09-30"))
                .body("categories[0].active", equalTo(false));

        // a list of the next year names 赵二 again: recognised again for that period, once a year however often named
        for (String asOf : List.of("2023-08-31", "2023-09-30")) {
            given().auth().preemptive().basic("civil-affairs", "civil-affairs")
                    .contentType("text/csv").body(bytes("idNumber,name,category\n" + ZHAO.value() + ",赵二,EXTREME_POVERTY\n"))
                    .post("/api/v1/status-feeds/civil-affairs?asOf=" + asOf + "&mode=snapshot")
                    .then().statusCode(200).body("unchanged", equalTo(1)).body("added", equalTo(0)).body("removed", equalTo(0));
        }

        List<String> ours = List.of(pseudonymizer.personKey(WANG), pseudonymizer.personKey(ZHAO));
        List<ConsumerRecord<String, String>> events = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "status-changed", seen -> seen.stream().filter(r -> ours.contains(r.key())).count() >= 4, Duration.ofSeconds(30));
        List<StatusChanged> changes = events.stream().filter(r -> ours.contains(r.key()))
                .map(r -> EventCodec.payload(EventCodec.read(r.value()), StatusChanged.class)).toList();
        assertEquals(4, changes.size(), changes.toString());
        StatusChanged renewal = changes.stream().filter(c -> c.change() == StatusChanged.Change.RENEWED)
                .findFirst().orElseThrow();
        assertEquals("EXTREME_POVERTY", renewal.category());
        assertEquals(LocalDate.of(2023, 8, 31), renewal.validFrom());
        StatusChanged removal = changes.stream().filter(c -> c.change() == StatusChanged.Change.REMOVED)
                .findFirst().orElseThrow();
        assertEquals("MINIMUM_LIVING", removal.category());
        assertEquals(LocalDate.of(2022, 9, 30), removal.validFrom());
    }

    @Test
    void exclusionsAreRecordedOncePerPersonAndYear() {
        String lines = "idNumber,policyYear,reason\n" + ZHANG.value() + ",2023,EMPLOYEE_INSURED\n"
                + ZHANG.value() + ",20x3,EMPLOYEE_INSURED\n" + LI.value() + ",2023,not a code\n"
                + WANG.value() + ",2023,ON_HOLIDAY\n";
        given().auth().preemptive().basic("medical-insurance", "medical-insurance").contentType("text/csv")
                .header("Accept-Language", "en-US,en;q=0.9")
                .body(bytes(lines)).post("/api/v1/exclusions").then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected[0].line", equalTo(3)).body("rejected[0].field", equalTo("policyYear"))
                .body("rejected[1].line", equalTo(4)).body("rejected[1].field", equalTo("reason"))
                .body("rejected[2].line", equalTo(5)).body("rejected[2].field", equalTo("reason"))
                .body("rejected[2].reason", org.hamcrest.Matchers.startsWith("reason 'ON_HOLIDAY' is not one of DECEASED, DUPLICATE_REGISTRATION"));
        given().auth().preemptive().basic("medical-insurance", "medical-insurance").contentType("text/csv")
                .body(bytes(lines)).post("/api/v1/exclusions").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        String zhang = pseudonymizer.personKey(ZHANG);
        List<ConsumerRecord<String, String>> events = TopicReader.await(TestInfra.broker().bootstrapServers(),
                "person-excluded", seen -> seen.stream().anyMatch(r -> r.key().equals(zhang)), Duration.ofSeconds(30));
        assertEquals(1, events.stream().filter(r -> r.key().equals(zhang)).count());
    }

    @Test
    void aDepartmentMayOnlySendItsOwnFeed() {
        given().auth().preemptive().basic("rural-revitalization", "rural-revitalization")
                .contentType("application/x-ndjson").body(new byte[0])
                .post("/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=delta")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic("tax", "tax")
                .contentType("application/x-ndjson").body(new byte[0])
                .post("/api/v1/residents")
                .then().statusCode(403);
        given().contentType("application/x-ndjson").body(new byte[0])
                .post("/api/v1/residents")
                .then().statusCode(401);
        given().contentType("image/png").body(new byte[] {1, 2, 3})
                .post("/api/v1/residents")
                .then().statusCode(401);
        given().auth().preemptive().basic("civil-affairs", "civil-affairs")
                .contentType("application/x-ndjson").body(new byte[0])
                .post("/api/v1/status-feeds/no-such-department?asOf=2022-08-31")
                .then().statusCode(403);
    }
}

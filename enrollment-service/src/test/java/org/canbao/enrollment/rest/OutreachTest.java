package org.canbao.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canbao.contracts.EntitlementChanged;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.infra.LocalInfraResource;
import org.canbao.infra.TestInfra;
import org.canbao.infra.TopicWriter;
import org.canbao.platform.config.Pseudonymizer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * A village cadre's visiting list, over real HTTP with entitlements arriving on the real broker: who has not paid,
 * hardship persons first, what each still owes; paid and excluded persons are left out, and an entitlement event
 * redelivered or arriving late does not undo a newer one.
 */
@QuarkusTest
@TestProfile(OutreachTest.Scoped.class)
@WithTestResource(LocalInfraResource.class)
class OutreachTest {
    /** A township supervisor scoped to 乙镇, and a database of this test's own. */
    public static class Scoped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("canbao.security.local-scopes.township-supervisor", "乙镇");
        }
    }

    private static final IdNumber PAID = person(1);
    private static final IdNumber POOR = person(2);
    private static final IdNumber OWING = person(3);
    private static final IdNumber NOBODY_TOLD = person(4);
    private static final IdNumber EXCLUDED = person(5);
    private static final IdNumber OTHER_VILLAGE = person(6);

    @Inject
    Pseudonymizer pseudonymizer;

    private static IdNumber person(int i) {
        return IdNumber.of("430626", LocalDate.of(1975, 3, 3), 400 + i);
    }

    @Test
    void theListNamesWhoHasNotPaidHardshipFirstWithWhatTheyOwe() throws Exception {
        String roster = "身份证号码,姓名,户号,乡镇,村\n"
                + PAID.value() + ",甲一,H1,甲镇,甲村\n" + POOR.value() + ",甲二,H2,甲镇,甲村\n"
                + OWING.value() + ",甲三,H3,甲镇,甲村\n" + NOBODY_TOLD.value() + ",甲四,H1,甲镇,甲村\n"
                + EXCLUDED.value() + ",甲五,H4,甲镇,甲村\n" + OTHER_VILLAGE.value() + ",乙六,H5,甲镇,乙村\n";
        given().auth().preemptive().basic("public-security", "public-security").contentType("text/csv")
                .body(roster.getBytes(StandardCharsets.UTF_8)).post("/api/v1/residents").then().statusCode(200);
        given().auth().preemptive().basic("civil-affairs", "civil-affairs").contentType("text/csv")
                .body(("身份证号码,姓名,类别\n" + POOR.value() + ",甲二,低保对象\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/status-feeds/civil-affairs?asOf=2022-08-31&mode=delta").then().statusCode(200);
        given().auth().preemptive().basic("medical-insurance", "medical-insurance").contentType("text/csv")
                .body(("idNumber,policyYear,reason\n" + EXCLUDED.value() + ",2023,EMPLOYEE_INSURED\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/exclusions").then().statusCode(200);

        String bootstrap = TestInfra.broker().bootstrapServers();
        // PAID: unpaid first, then paid; the unpaid version comes again after (a redelivery), and changes nothing
        String paidKey = pseudonymizer.personKey(PAID);
        String unpaid = entitlement(paidKey, 1, "UNPAID", false, "350.00", "0.00");
        TopicWriter.send(bootstrap, "entitlement-changed", paidKey, unpaid,
                entitlement(paidKey, 2, "PAID", false, "350.00", "350.00"), unpaid);
        String poorKey = pseudonymizer.personKey(POOR);
        TopicWriter.send(bootstrap, "entitlement-changed", poorKey, entitlement(poorKey, 1, "UNPAID", true, "175.00", "0.00"));
        String owingKey = pseudonymizer.personKey(OWING);
        TopicWriter.send(bootstrap, "entitlement-changed", owingKey, entitlement(owingKey, 1, "UNDERPAID", false, "350.00", "100.00"));

        JsonPath list = null;
        for (int i = 0; i < 60; i++) {
            list = given().auth().preemptive().basic("supervisor", "supervisor")
                    .get("/api/v1/campaigns/2023/outreach?unit=甲村").then().statusCode(200).extract().jsonPath();
            if (list.getInt("persons") == 3 && list.getList("list.state").contains("UNDERPAID")) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(3, list.getInt("persons"), list.prettify());
        assertEquals(1, list.getInt("hardshipPersons"));
        assertEquals(List.of("甲二", "甲四", "甲三"), list.getList("list.name"), "hardship first, then by household");
        assertEquals(List.of("低保对象"), list.getList("list[0].categories"));
        assertEquals(175.00f, list.getFloat("list[0].owes"));
        assertNull(list.get("list[1].owes"), "no entitlement announced yet: the standard contribution");
        assertEquals(250.00f, list.getFloat("list[2].owes"));
        assertEquals(POOR.masked(), list.getString("list[0].maskedId"));
        assertFalse(list.prettify().contains(POOR.value()), "no full ID number in the answer");

        // the township supervisor of 乙镇 sees its own list only
        given().auth().preemptive().basic("township-supervisor", "township-supervisor")
                .get("/api/v1/campaigns/2023/outreach?unit=甲村").then().statusCode(403);
        given().auth().preemptive().basic("public-security", "public-security")
                .get("/api/v1/campaigns/2023/outreach?unit=甲村").then().statusCode(403);
        given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2023/outreach").then().statusCode(400);
        given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2023/outreach?unit=无此村").then().statusCode(404);

        // the township's list holds the other village too; as the xlsx a cadre prints
        byte[] xlsx = given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/campaigns/2023/outreach?unit=甲镇&format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                rows.add(row.stream().map(c -> c == null ? "" : c.getText()).toList());
            }
        }
        String all = rows.toString();
        assertFalse(all.contains(POOR.value()), "no full ID number in the workbook");
        assertEquals(List.of("甲二", "甲四", "甲三", "乙六"), rows.stream().skip(rows.size() - 4).map(r -> r.get(4)).toList(), all);
        assertEquals("是", rows.get(rows.size() - 4).get(6));
        assertEquals("按个人缴费标准", rows.get(rows.size() - 3).get(8));
    }

    private static String entitlement(String personKey, long version, String state, boolean hardship, String due, String paid) {
        EntitlementChanged e = new EntitlementChanged(personKey, 2023, 1, state, hardship,
                "PAID".equals(state) ? OffsetDateTime.parse("2022-11-20T09:30:00+08:00") : null,
                hardship ? new BigDecimal("175.00") : BigDecimal.ZERO.setScale(2), new BigDecimal(due), new BigDecimal(paid));
        return EventCodec.write(EventCodec.envelope("/canbao/subsidy-service", e, "entitlement/" + personKey + "/2023",
                version, version - 1));
    }
}

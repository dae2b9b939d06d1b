package org.canbao.subsidy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.canbao.contracts.CampaignDefined;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.IdNumber;
import org.canbao.contracts.IdentityVerified;
import org.canbao.contracts.PaymentReceived;
import org.canbao.contracts.StatusChanged;
import org.canbao.infra.Batches;
import org.canbao.infra.LocalInfraResource;
import org.canbao.platform.config.Pseudonymizer;
import org.canbao.subsidy.messaging.FactsConsumer;
import org.canbao.subsidy.messaging.PlacesConsumer;
import org.junit.jupiter.api.Test;

/**
 * Each seed notice's policy exactly as shipped in deploy/regions, loaded as a pooling region of its own, and the
 * notice's own cases decided through the API: a person placed in one of the region's units, a department's status,
 * payments; the entitlement the notice says.
 */
@QuarkusTest
@WithTestResource(LocalInfraResource.class)
class RegionNoticeCasesTest {
    private static final Path REGIONS = Path.of("..", "deploy", "regions");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    @Inject
    PlacesConsumer places;

    @Inject
    FactsConsumer facts;

    @Inject
    Pseudonymizer pseudonymizer;

    /** @param recognisedIn the pooling region whose department recognised the category (the feed's region), or null */
    private record Case(String category, String department, LocalDate recognised, List<String[]> payments, Integer tier,
                        String recognisedIn) {
        Case(String category, String department, LocalDate recognised, List<String[]> payments, Integer tier) {
            this(category, department, recognised, payments, tier, null);
        }

        static Case of(String category, LocalDate recognised, String... payments) {
            return new Case(category, "civil-affairs", recognised,
                    java.util.Arrays.stream(payments).map(p -> p.split("@")).toList(), null);
        }

        Case recognisedIn(String region) {
            return new Case(category, department, recognised, payments, tier, region);
        }

        static Case paying(String... payments) {
            return of(null, null, payments);
        }
    }

    private void load(String folder, String region, int year, String unit) throws IOException {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(Files.readString(REGIONS.resolve(folder).resolve("policy.json"), StandardCharsets.UTF_8))
                .put("/api/v1/regions/" + region + "/policies/" + year).then().statusCode(200);
        places.onCampaigns(Batches.of("campaign-defined", List.of(event(new CampaignDefined(year,
                List.of(new CampaignDefined.Unit(unit, "township", 100)), region), "campaign/" + region + "/" + year, 1, 0))));
    }

    /** A person of the unit with the case's facts; the entitlement as the API answers it. */
    private JsonPath decide(String unit, int year, Case given, String tier) {
        return decide(unit, year, given, tier, null);
    }

    /** @param infantBorn an infant's birth date, as identity-verified carries it; null for anyone else (born 1970) */
    private JsonPath decide(String unit, int year, Case given, String tier, LocalDate infantBorn) {
        LocalDate born = infantBorn != null ? infantBorn : LocalDate.of(1970, 1, 1);
        IdNumber id = IdNumber.of("430626", born, SEQUENCE.incrementAndGet());
        String key = pseudonymizer.personKey(id);
        places.onIdentities(Batches.of("identity-verified", List.of(event(new IdentityVerified(key, id.masked(), "H",
                unit, null, "ACTIVE", born.getYear(), Instant.now(), infantBorn), "person/" + key, 1, 0))));
        if (given.category() != null) {
            facts.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(key, given.department(),
                    given.category(), StatusChanged.Change.ADDED, given.recognised(), Instant.now(), given.recognisedIn()),
                    "person/" + key, 2, 0))));
        }
        int receipt = 0;
        for (String[] payment : given.payments()) {
            String receiptId = "NC-" + SEQUENCE.get() + "-" + (++receipt);
            facts.onPayments(Batches.of("payment-received", List.of(event(new PaymentReceived(key, receiptId, year,
                    tier == null ? 1 : Integer.parseInt(tier), new BigDecimal(payment[0]), "WECHAT",
                    OffsetDateTime.parse(payment[1]), null, Instant.now()), "receipt/" + receiptId, 1, 0))));
        }
        return given().auth().preemptive().basic("supervisor", "supervisor")
                .get("/api/v1/entitlements/" + id.value() + "?policyYear=" + year + (tier == null ? "" : "&tier=" + tier))
                .then().statusCode(200).extract().jsonPath();
    }

    private static String event(CanbaoEvent event, String stream, long sequence, long previous) {
        return EventCodec.write(EventCodec.envelope("/test", event, stream, sequence, previous));
    }

    private static void expect(JsonPath answer, String subsidy, String due, String state) {
        assertEquals(subsidy, answer.getString("subsidy"), answer.prettify());
        assertEquals(due, answer.getString("personalDue"), answer.prettify());
        assertEquals(state, answer.getString("state"), answer.prettify());
    }

    @Test
    void pingjiang2023() throws IOException {
        load("pingjiang-2023", "nc-pingjiang", 2023, "梅仙镇NC");
        expect(decide("梅仙镇NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 8, 31)), null), "175.00", "175.00", "UNPAID");
        expect(decide("梅仙镇NC", 2023, Case.of("EXTREME_POVERTY", LocalDate.of(2022, 8, 31)), null), "350.00", "0.00", "ZERO_PAYMENT");
        JsonPath paidFirst = decide("梅仙镇NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 11, 1),
                "350.00@2022-09-20T10:00:00+08:00"), null);
        assertEquals("175.00", paidFirst.getString("retroactiveSubsidyDue"), "paid in full, then recognised in the window (rule 4)");

        JsonPath newborn = decide("梅仙镇NC", 2023, Case.paying("350.00@2023-04-20T10:00:00+08:00"), null, LocalDate.of(2023, 3, 1));
        expect(newborn, "0.00", "350.00", "PAID");
        assertEquals("2023-03-01", newborn.getString("coveredFrom"), "newborn within 90 days: from birth (rule 14)");
        JsonPath intake = decide("梅仙镇NC", 2023, new Case("WELFARE_INSTITUTION_CHILD", "civil-affairs", LocalDate.of(2023, 5, 8),
                List.<String[]>of(new String[]{"350.00", "2023-05-20T10:00:00+08:00"}), null), null);
        expect(intake, "0.00", "350.00", "PAID");
        assertEquals("2023-05-08", intake.getString("coveredFrom"), "child-welfare intake: from intake (rule 15)");
        JsonPath foundUnenrolled = decide("梅仙镇NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 8, 31),
                "175.00@2023-03-15T10:00:00+08:00"), null);
        expect(foundUnenrolled, "175.00", "175.00", "PAID");
        assertEquals("2023-03-15", foundUnenrolled.getString("coveredFrom"), "hardship found unenrolled: from payment (rule 18)");
        JsonPath late = decide("梅仙镇NC", 2023, Case.paying("960.00@2023-03-15T10:00:00+08:00"), null);
        expect(late, "0.00", "960.00", "PAID");
        assertEquals("2023-04-01", late.getString("coveredFrom"), "other late enrolment: 350 + 610, from the next month (rule 19)");
    }

    @Test
    void aikou2023() throws IOException {
        load("aikou-2023", "nc-aikou", 2023, "平所村NC");
        expect(decide("平所村NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 10, 1)), "1"), "315.00", "35.00", "UNPAID");
        expect(decide("平所村NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 10, 1)), "2"), "350.00", "375.00", "UNPAID");
        expect(decide("平所村NC", 2023, Case.of("ELDERLY_DEMOBILIZED", LocalDate.of(2022, 10, 1)), "2"), "725.00", "0.00", "ZERO_PAYMENT");
        expect(decide("平所村NC", 2023, Case.of("ELDERLY_DEMOBILIZED", LocalDate.of(2022, 10, 1)), "1"), "0.00", "350.00", "UNPAID");
        JsonPath february = decide("平所村NC", 2023, Case.paying("350.00@2023-02-10T10:00:00+08:00"), null);
        expect(february, "0.00", "350.00", "PAID");
        assertEquals("2023-03-01", february.getString("coveredFrom"), "paid 1 Jan – 28 Feb: from the 1st of the next month");
        JsonPath april = decide("平所村NC", 2023, Case.paying("350.00@2023-04-10T10:00:00+08:00"), null);
        expect(april, "0.00", "350.00", "PAID");
        assertEquals("2023-07-09", april.getString("coveredFrom"), "paid 1 Mar – 30 Jun: 90 days after payment");
        JsonPath july = decide("平所村NC", 2023, Case.paying("960.00@2023-07-03T10:00:00+08:00"), null);
        expect(july, "0.00", "960.00", "PAID");
        assertEquals("2023-10-01", july.getString("coveredFrom"), "from 1 Jul: no 610 fiscal subsidy and 90 days' wait");
    }

    @Test
    void xiyan2022() throws IOException {
        load("xiyan-2022", "nc-xiyan", 2022, "华升社区NC");
        JsonPath wrongAttribute = decide("华升社区NC", 2022, Case.of("MINIMUM_LIVING", LocalDate.of(2021, 8, 1),
                "320.00@2021-10-08T09:00:00+08:00"), null);
        expect(wrongAttribute, "160.00", "160.00", "OVERPAID");
        assertEquals("160.00", wrongAttribute.getString("refundDue"), "charged 320 instead of 160: refund (rule 13)");
        JsonPath monitored = decide("华升社区NC", 2022, Case.of("MONITORED_UNSTABLE", LocalDate.of(2021, 10, 1),
                "160.00@2022-03-15T10:00:00+08:00"), null);
        expect(monitored, "160.00", "160.00", "PAID");
        assertEquals("2022-03-15", monitored.getString("coveredFrom"), "found unenrolled: from the payment date (rule 9)");
        JsonPath late = decide("华升社区NC", 2022, Case.paying("900.00@2022-03-15T10:00:00+08:00"), null);
        expect(late, "0.00", "900.00", "PAID");
        assertEquals("2022-04-01", late.getString("coveredFrom"), "other late enrolment: 320 + 580, from the next month (rule 10)");

        JsonPath newborn = decide("华升社区NC", 2022, Case.paying("320.00@2022-03-15T10:00:00+08:00"), null,
                LocalDate.of(2022, 2, 1));
        expect(newborn, "0.00", "320.00", "PAID");
        assertEquals("2022-02-01", newborn.getString("coveredFrom"), "newborn enrolled within 90 days: from birth (rule 8)");
        JsonPath bornLastYear = decide("华升社区NC", 2022, Case.paying("320.00@2022-01-10T10:00:00+08:00"), null,
                LocalDate.of(2021, 11, 20));
        assertEquals("2022-01-01", bornLastYear.getString("coveredFrom"), "born before the year: from its first day");
        JsonPath tooLate = decide("华升社区NC", 2022, Case.paying("900.00@2022-06-15T10:00:00+08:00"), null,
                LocalDate.of(2022, 2, 1));
        expect(tooLate, "0.00", "900.00", "PAID");
        assertEquals("2022-07-01", tooLate.getString("coveredFrom"), "enrolled after 90 days: a late enrolee (rule 10)");
        JsonPath intake = decide("华升社区NC", 2022, new Case("WELFARE_INSTITUTION_CHILD", "civil-affairs",
                LocalDate.of(2022, 5, 10), List.<String[]>of(new String[]{"320.00", "2022-06-01T10:00:00+08:00"}), null), null);
        expect(intake, "0.00", "320.00", "PAID");
        assertEquals("2022-05-10", intake.getString("coveredFrom"), "child-welfare intake: from intake (rule 8)");
    }

    @Test
    void wuming2018() throws IOException {
        load("wuming-2018", "nc-wuming", 2018, "城厢镇NC");
        expect(decide("城厢镇NC", 2018, new Case(null, null, null, List.<String[]>of(new String[]{"180.00", "2017-11-02T09:00:00+08:00"}), null), null),
                "0.00", "180.00", "PAID");
        assertEquals("2018-04-01", decide("城厢镇NC", 2018, Case.paying("180.00@2018-03-02T10:00:00+08:00"), null)
                .getString("coveredFrom"), "late payers 1 Jan – 30 Jun (rule 4)");
        JsonPath july = decide("城厢镇NC", 2018, Case.paying("180.00@2018-08-02T10:00:00+08:00"), null);
        assertNull(july.getString("coveredFrom"), "no current-year enrolment 1 Jul – 31 Dec (rule 5)");
        assertEquals("180.00", july.getString("refundDue"), july.prettify());
        JsonPath poor = decide("城厢镇NC", 2018, Case.of("REGISTERED_POOR", LocalDate.of(2017, 10, 1),
                "180.00@2018-08-02T10:00:00+08:00"), null);
        expect(poor, "0.00", "180.00", "PAID");
        assertEquals(List.of("REGISTERED_POOR"), poor.getList("categories"), "2018's own category; hardship is excepted (rule 5)");
        JsonPath newborn = decide("城厢镇NC", 2018, Case.paying("180.00@2018-08-02T10:00:00+08:00"), null, LocalDate.of(2018, 6, 20));
        expect(newborn, "0.00", "180.00", "PAID");
        assertEquals("2018-09-01", newborn.getString("coveredFrom"), "a newborn under 3 months is excepted (rule 5)");
        JsonPath olderBaby = decide("城厢镇NC", 2018, Case.paying("180.00@2018-08-02T10:00:00+08:00"), null, LocalDate.of(2018, 3, 1));
        assertNull(olderBaby.getString("coveredFrom"), "five months old: no enrolment until next year (rule 5)");
        assertEquals("180.00", olderBaby.getString("refundDue"), olderBaby.prettify());
        assertEquals(List.of(), decide("城厢镇NC", 2018, Case.of("MONITORED_UNSTABLE", LocalDate.of(2017, 10, 1)), null)
                .getList("categories"), "not a category of 2018");
    }

    @Test
    void shandong2024() throws IOException {
        load("shandong-2024", "nc-shandong", 2024, "历下区NC");
        expect(decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2023, 8, 31)), null), "280.00", "120.00", "UNPAID");
        expect(decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2024, 3, 1), "120.00@2024-03-05T10:00:00+08:00"), null),
                "280.00", "120.00", "PAID");
        expect(decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2024, 3, 1), "400.00@2023-11-05T10:00:00+08:00"), null),
                "0.00", "400.00", "PAID");
        JsonPath paidFirst = decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2023, 11, 1),
                "400.00@2023-09-20T10:00:00+08:00"), null);
        expect(paidFirst, "0.00", "400.00", "PAID");
        assertEquals("0.00", paidFirst.getString("retroactiveSubsidyDue"), "no 先缴后补 (rule 10)");

        // another pooling region of the province, with a higher standard for minimum living (illustrative)
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body("{\"contribution\": \"400.00\", \"subsidies\": [{\"category\": \"MINIMUM_LIVING\", \"rule\": \"FIXED\", "
                        + "\"amount\": \"320.00\"}], \"window\": {\"opens\": \"2023-09-01\", \"closes\": \"2023-12-31\"}}")
                .put("/api/v1/regions/nc-shandong-qd/policies/2024").then().statusCode(200);
        JsonPath across = decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2023, 8, 31)).recognisedIn("nc-shandong-qd"), null);
        expect(across, "320.00", "80.00", "UNPAID");
        assertEquals(true, across.getString("decision").contains("nc-shandong-qd"), across.prettify());
        JsonPath acrossPaidFirst = decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2023, 11, 1),
                "400.00@2023-09-20T10:00:00+08:00").recognisedIn("nc-shandong-qd"), null);
        expect(acrossPaidFirst, "320.00", "80.00", "OVERPAID");
        assertEquals("320.00", acrossPaidFirst.getString("retroactiveSubsidyDue"), "across regions, paid first: refunded (rule 10)");
        expect(decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2023, 8, 31)).recognisedIn("nc-shandong"), null),
                "280.00", "120.00", "UNPAID");
    }

    @Test
    void twoRegionsNeverSeeEachOthersRules() throws IOException {
        load("aikou-2023", "nc-two-aikou", 2023, "平所村NC2");
        load("pingjiang-2023", "nc-two-pingjiang", 2023, "梅仙镇NC2");
        JsonPath aikou = decide("平所村NC2", 2023, Case.paying("350.00@2023-02-10T10:00:00+08:00"), null);
        expect(aikou, "0.00", "350.00", "PAID");
        assertEquals("2023-03-01", aikou.getString("coveredFrom"), "Aikou: February at the personal standard");
        JsonPath pingjiang = decide("梅仙镇NC2", 2023, Case.paying("350.00@2023-02-10T10:00:00+08:00"), null);
        expect(pingjiang, "0.00", "960.00", "UNDERPAID");
        JsonPath aikouLater = decide("平所村NC2", 2023, Case.paying("350.00@2023-04-10T10:00:00+08:00"), null);
        assertEquals("2023-07-09", aikouLater.getString("coveredFrom"), "Aikou's 90 days' wait is not Pingjiang's");
    }

    @Test
    void aDocumentThatContradictsItselfOrHasAnUnknownRuleFieldIsRefusedNamingThePath() {
        refused("{\"contribution\": \"350.00\", \"window\": {\"opens\": \"2022-11-02\", \"closes\": \"2022-12-15\"},"
                + " \"benefitRules\": [{\"from\": \"2023-01-01\", \"until\": \"2023-03-31\", \"start\": \"NEXT_MONTH\"},"
                + " {\"from\": \"2023-03-01\", \"start\": \"DAYS_AFTER_PAYMENT\", \"days\": 90}]}", "policy.rules-overlap", "benefitRules[1] and benefitRules[0]");
        refused("{\"contribution\": \"350.00\", \"benefitRules\": [{\"start\": \"NEXT_MONTH\", \"waitDays\": 90}]}",
                "body.unknown-field-at", "benefitRules[0].waitDays");
        refused("{\"contribution\": \"350.00\", \"benefitRules\": [{\"start\": \"NEXT_MONTH\", \"days\": \"ninety\"}]}",
                "body.unreadable", "benefitRules[0].days");
        refused("{\"contribution\": \"350.00\", \"benefitRules\": [{\"start\": \"LATER\"}]}",
                "body.unreadable", "benefitRules[0].start");
    }

    private static void refused(String policy, String code, String path) {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").header("Accept-Language", "en")
                .body(policy).put("/api/v1/regions/nc-refused/policies/2023").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo(code)).body("detail", containsString(path));
    }
}

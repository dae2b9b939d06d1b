package org.canbao.subsidy.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private record Case(String category, String department, LocalDate recognised, List<String[]> payments, Integer tier) {
        static Case of(String category, LocalDate recognised, String... payments) {
            return new Case(category, "civil-affairs", recognised,
                    java.util.Arrays.stream(payments).map(p -> p.split("@")).toList(), null);
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
        IdNumber id = IdNumber.of("430626", LocalDate.of(1970, 1, 1), SEQUENCE.incrementAndGet());
        String key = pseudonymizer.personKey(id);
        places.onIdentities(Batches.of("identity-verified", List.of(event(new IdentityVerified(key, id.masked(), "H",
                unit, null, "ACTIVE", 1970, Instant.now()), "person/" + key, 1, 0))));
        if (given.category() != null) {
            facts.onStatusChanges(Batches.of("status-changed", List.of(event(new StatusChanged(key, given.department(),
                    given.category(), StatusChanged.Change.ADDED, given.recognised(), Instant.now()), "person/" + key, 2, 0))));
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
    }

    @Test
    void aikou2023() throws IOException {
        load("aikou-2023", "nc-aikou", 2023, "平所村NC");
        expect(decide("平所村NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 10, 1)), "1"), "315.00", "35.00", "UNPAID");
        expect(decide("平所村NC", 2023, Case.of("MINIMUM_LIVING", LocalDate.of(2022, 10, 1)), "2"), "350.00", "375.00", "UNPAID");
        expect(decide("平所村NC", 2023, Case.of("ELDERLY_DEMOBILIZED", LocalDate.of(2022, 10, 1)), "2"), "725.00", "0.00", "ZERO_PAYMENT");
        expect(decide("平所村NC", 2023, Case.of("ELDERLY_DEMOBILIZED", LocalDate.of(2022, 10, 1)), "1"), "0.00", "350.00", "UNPAID");
    }

    @Test
    void xiyan2022() throws IOException {
        load("xiyan-2022", "nc-xiyan", 2022, "华升社区NC");
        JsonPath wrongAttribute = decide("华升社区NC", 2022, Case.of("MINIMUM_LIVING", LocalDate.of(2021, 8, 1),
                "320.00@2021-10-08T09:00:00+08:00"), null);
        expect(wrongAttribute, "160.00", "160.00", "OVERPAID");
        assertEquals("160.00", wrongAttribute.getString("refundDue"), "charged 320 instead of 160: refund (rule 13)");
    }

    @Test
    void wuming2018() throws IOException {
        load("wuming-2018", "nc-wuming", 2018, "城厢镇NC");
        expect(decide("城厢镇NC", 2018, new Case(null, null, null, List.<String[]>of(new String[]{"180.00", "2017-11-02T09:00:00+08:00"}), null), null),
                "0.00", "180.00", "PAID");
    }

    @Test
    void shandong2024() throws IOException {
        load("shandong-2024", "nc-shandong", 2024, "历下区NC");
        expect(decide("历下区NC", 2024, Case.of("MINIMUM_LIVING", LocalDate.of(2023, 8, 31)), null), "280.00", "120.00", "UNPAID");
    }
}

package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.money;
import static org.canbao.subsidy.domain.Notices.paid;
import static org.canbao.subsidy.domain.Notices.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shandong 2024: enrolled in one pooling region, recognised by another (跨统筹区参保). */
class CrossRegionTest {
    private static final String SHANDONG = """
            {"contribution": "400.00",
             "subsidies": [{"category": "MINIMUM_LIVING", "rule": "FIXED", "amount": "280.00"}],
             "window": {"opens": "2023-09-01", "closes": "2023-12-31"},
             "refundAfterPayment": {"allowed": false, "crossRegion": true}%s}""";
    private static final Policy JINAN = policy(2024, SHANDONG.formatted(", \"crossRegionStandard\": \"RECOGNISING_REGION\""));
    private static final Policy JINAN_OWN_STANDARD = policy(2024, SHANDONG.formatted(""));
    private static final Policy QINGDAO = policy(2024, """
            {"contribution": "400.00", "subsidies": [{"category": "MINIMUM_LIVING", "rule": "HALF"}],
             "window": {"opens": "2023-09-01", "closes": "2023-12-31"}}""");

    private static CategorySpell recognisedIn(String region, String from) {
        return new CategorySpell("MINIMUM_LIVING", "civil-affairs", LocalDate.parse(from), null, region);
    }

    private static Enrollee livingInJinan(Policy own, List<CategorySpell> spells) {
        return Enrollee.of(null, spells, own, "jinan", r -> r.equals("qingdao") ? Optional.of(QINGDAO) : Optional.empty());
    }

    @Test
    void givenACategoryRecognisedByAnotherRegionThenThePersonIsAcrossRegionsWithThatRegionsPolicy() {
        Enrollee who = livingInJinan(JINAN, List.of(recognisedIn("qingdao", "2023-08-31")));
        assertTrue(who.crossRegion());
        assertEquals(Map.of("qingdao", QINGDAO), who.standards());
        assertFalse(livingInJinan(JINAN, List.of(recognisedIn("jinan", "2023-08-31"))).crossRegion());
        assertFalse(livingInJinan(JINAN, List.of(recognisedIn(null, "2023-08-31"))).crossRegion(), "no region named");
    }

    @Test
    void givenTheRecognisingRegionsStandardThenItsRulePricesTheSubsidy() {
        List<CategorySpell> spells = List.of(recognisedIn("qingdao", "2023-08-31"));
        Entitlement e = SubsidyDecision.decide(JINAN, null, spells, List.of(), livingInJinan(JINAN, spells));
        assertEquals(money("200.00"), e.subsidy(), "Qingdao's half of Jinan's 400");
        assertEquals(money("200.00"), e.personalDue());
        assertTrue(e.decision().contains("qingdao"), e.decision());
    }

    @Test
    void givenTheResidencesStandardThenTheOwnRulePricesIt() {
        List<CategorySpell> spells = List.of(recognisedIn("qingdao", "2023-08-31"));
        Entitlement e = SubsidyDecision.decide(JINAN_OWN_STANDARD, null, spells, List.of(), livingInJinan(JINAN_OWN_STANDARD, spells));
        assertEquals(money("280.00"), e.subsidy());
    }

    @Test
    void givenNoPayFirstRefundLaterThenOnlyAPersonAcrossRegionsIsRefunded() {
        List<PaymentRecord> paidFirst = List.of(paid("400.00", "2023-09-20"));
        List<CategorySpell> across = List.of(recognisedIn("qingdao", "2023-11-01"));
        Entitlement refunded = SubsidyDecision.decide(JINAN_OWN_STANDARD, null, across, paidFirst, livingInJinan(JINAN_OWN_STANDARD, across));
        assertEquals(money("280.00"), refunded.retroactiveSubsidyDue());
        List<CategorySpell> home = List.of(recognisedIn("jinan", "2023-11-01"));
        Entitlement notRefunded = SubsidyDecision.decide(JINAN_OWN_STANDARD, null, home, paidFirst, livingInJinan(JINAN_OWN_STANDARD, home));
        assertEquals(money("0.00"), notRefunded.retroactiveSubsidyDue());
        assertEquals(money("0.00"), notRefunded.subsidy());
    }
}

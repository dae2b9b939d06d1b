package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.money;
import static org.canbao.subsidy.domain.Notices.paid;
import static org.canbao.subsidy.domain.Notices.policy;
import static org.canbao.subsidy.domain.Notices.spell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.canbao.subsidy.domain.Entitlement.State;
import org.junit.jupiter.api.Test;

/** Subsidies: a category's tier (Aikou), after-window recognition and refund after payment (Shandong, Pingjiang). */
class AfterWindowSubsidiesTest {
    private static final Policy SHANDONG = policy(2024, Notices.SHANDONG_2024);
    private static final Policy PINGJIANG = policy(2023, Notices.PINGJIANG_2023);
    private static final Policy AIKOU = policy(2023, Notices.AIKOU_2023);

    @Test
    void givenShandongWhenALowIncomePersonRecognisedAfterTheWindowIsNotEnrolledThenTheyPayOnlyTheDifference() {
        Entitlement e = SubsidyDecision.decide(SHANDONG, null, List.of(spell("MINIMUM_LIVING", "2024-03-01")),
                List.of(paid("120.00", "2024-03-05")));
        assertEquals(money("280.00"), e.subsidy());
        assertEquals(money("120.00"), e.personalDue());
        assertEquals(State.PAID, e.state());
    }

    @Test
    void givenShandongWhenAnUnpaidPersonIsRecognisedAfterTheWindowThenTheDifferenceIsDue() {
        Entitlement e = SubsidyDecision.decide(SHANDONG, null, List.of(spell("MINIMUM_LIVING", "2024-03-01")), List.of());
        assertEquals(money("120.00"), e.personalDue());
    }

    @Test
    void givenShandongWhenAlreadyEnrolledAndRecognisedAfterTheWindowThenTheSubsidyWaitsForNextYear() {
        Entitlement e = SubsidyDecision.decide(SHANDONG, null, List.of(spell("MINIMUM_LIVING", "2024-03-01")),
                List.of(paid("400.00", "2023-11-05")));
        assertEquals(money("0.00"), e.subsidy());
        assertEquals(State.PAID, e.state());
        Policy next = policy(2025, Notices.SHANDONG_2024.replace("2023-09-01", "2024-09-01").replace("2023-12-31", "2024-12-31"));
        assertEquals(money("280.00"), SubsidyDecision.decide(next, null, List.of(spell("MINIMUM_LIVING", "2024-03-01")),
                List.of()).subsidy());
    }

    @Test
    void givenPingjiangWhenRecognisedAfterTheWindowThenNothingThisYear() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG, null, List.of(spell("MINIMUM_LIVING", "2023-03-01")), List.of());
        assertEquals(money("0.00"), e.subsidy());
        assertEquals(money("350.00"), e.personalDue());
    }

    @Test
    void givenPingjiangWhenPaidInFullThenRecognisedInTheWindowThenTheSubsidyIsPaidBack() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG, null, List.of(spell("MINIMUM_LIVING", "2022-11-01")),
                List.of(paid("350.00", "2022-09-20")));
        assertEquals(money("175.00"), e.retroactiveSubsidyDue());
    }

    @Test
    void givenShandongWhenPaidInFullThenRecognisedInTheWindowThenNoPayFirstRefundLater() {
        Entitlement e = SubsidyDecision.decide(SHANDONG, null, List.of(spell("MINIMUM_LIVING", "2023-11-01")),
                List.of(paid("400.00", "2023-09-20")));
        assertEquals(money("0.00"), e.retroactiveSubsidyDue());
        assertEquals(money("0.00"), e.refundDue());
        assertEquals(State.PAID, e.state());
        assertTrue(e.decision().contains("先缴后补"), e.decision());
    }

    @Test
    void givenShandongWhenEnrolledAcrossPoolingRegionsThenPayFirstRefundLaterIsAllowed() {
        Entitlement e = SubsidyDecision.decide(SHANDONG, null, List.of(spell("MINIMUM_LIVING", "2023-11-01")),
                List.of(paid("400.00", "2023-09-20")), new Enrollee(null, null, true));
        assertEquals(money("280.00"), e.retroactiveSubsidyDue());
    }

    @Test
    void givenAikouWhenAnElderlyDemobilisedSoldierIsAskedNoTierThenTheirOnlyTierTwo() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(spell("ELDERLY_DEMOBILIZED", "2022-10-01")), List.of());
        assertEquals(2, e.tier());
        assertEquals(money("725.00"), e.subsidy());
        assertEquals(State.ZERO_PAYMENT, e.state());
    }

    @Test
    void givenAikouWhenAnElderlyDemobilisedSoldierIsAskedAtTierOneThenNoSubsidy() {
        Entitlement e = SubsidyDecision.decide(AIKOU, 1, List.of(spell("ELDERLY_DEMOBILIZED", "2022-10-01")), List.of());
        assertEquals(money("0.00"), e.subsidy());
        assertEquals(money("350.00"), e.personalDue());
    }

    @Test
    void givenAikouWhenMinimumLivingIsAskedNoTierThenTierOne() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(spell("MINIMUM_LIVING", "2022-10-01")), List.of());
        assertEquals(1, e.tier());
        assertEquals(money("35.00"), e.personalDue());
    }

    @Test
    void givenShandongWhenTheFundingSourceIsNamedThenTheDocumentKeepsIt() throws Exception {
        PolicyDocument document = org.canbao.contracts.EventCodec.mapper().readValue(Notices.SHANDONG_2024, PolicyDocument.class);
        assertEquals("MEDICAL_ASSISTANCE", document.fundingSource("MINIMUM_LIVING"));
        assertEquals("FINANCE", document.fundingSource("ORPHAN"));
    }
}

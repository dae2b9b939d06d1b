package org.canbao.subsidy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.subsidy.domain.Entitlement.State;
import org.canbao.subsidy.domain.SubsidyRule.Kind;
import org.junit.jupiter.api.Test;

/** Cases from POLICY.md and the Pingjiang, Xiyan and Aikou notices. */
class SubsidyDecisionTest {
    private static final Policy PINGJIANG_2023 = new Policy(2023, Map.of(1, money("350")), List.of(
            new SubsidyRule("EXTREME_POVERTY", null, Kind.FULL, null),
            new SubsidyRule("SEVERE_DISABILITY", null, Kind.FULL, null),
            new SubsidyRule("ORPHAN", null, Kind.FULL, null),
            new SubsidyRule("MINIMUM_LIVING", null, Kind.HALF, null),
            new SubsidyRule("MONITORED_UNSTABLE", null, Kind.HALF, null)),
            LocalDate.of(2022, 9, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2022, 8, 31), LocalDate.of(2023, 1, 1));

    private static final Policy XIYAN_2022 = new Policy(2022, Map.of(1, money("320")), List.of(
            new SubsidyRule("EXTREME_POVERTY", null, Kind.FULL, null),
            new SubsidyRule("MINIMUM_LIVING", null, Kind.HALF, null)),
            LocalDate.of(2021, 9, 1), LocalDate.of(2021, 12, 31), null, LocalDate.of(2022, 1, 1));

    private static final Policy AIKOU_2023 = new Policy(2023, Map.of(1, money("350"), 2, money("725")), List.of(
            new SubsidyRule("STABLE_EX_POOR", 1, Kind.FIXED, money("50")),
            new SubsidyRule("STABLE_EX_POOR", 2, Kind.FIXED, money("50")),
            new SubsidyRule("LOW_INCOME_MARGINAL", 1, Kind.FIXED, money("245")),
            new SubsidyRule("LOW_INCOME_MARGINAL", 2, Kind.FIXED, money("350"))),
            LocalDate.of(2022, 9, 1), LocalDate.of(2022, 12, 15), null, LocalDate.of(2023, 1, 1));

    private static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(2);
    }

    private static CategorySpell spell(String category, String from, String until) {
        return new CategorySpell(category, "civil-affairs", LocalDate.parse(from), until == null ? null : LocalDate.parse(until));
    }

    private static PaymentRecord payment(String amount, String paidAt) {
        return new PaymentRecord("R-" + paidAt, 1, money(amount), OffsetDateTime.parse(paidAt));
    }

    @Test
    void minimumLivingGetsHalfTheContribution() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("MINIMUM_LIVING", "2022-08-31", null)), List.of());
        assertEquals(money("175"), e.subsidy());
        assertEquals(money("175"), e.personalDue());
        assertEquals(State.UNPAID, e.state());
        assertNull(e.enrolledAt());
        assertTrue(e.decision().contains("half of the 350.00 contribution"), e.decision());
    }

    @Test
    void fullySubsidisedPersonIsEnrolledWithZeroPayment() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("EXTREME_POVERTY", "2022-09-15", null)), List.of());
        assertEquals(State.ZERO_PAYMENT, e.state());
        assertEquals(money("0"), e.personalDue());
        assertEquals(OffsetDateTime.parse("2022-09-15T00:00+08:00").toInstant(), e.enrolledAt().toInstant());
        assertEquals(LocalDate.of(2023, 1, 1), e.coveredFrom());
    }

    @Test
    void halfSubsidyIsNotAddedToAFullOne() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(
                spell("MINIMUM_LIVING", "2022-08-31", null), spell("SEVERE_DISABILITY", "2022-08-31", null)), List.of());
        assertEquals(money("350"), e.subsidy());
        assertTrue(e.decision().contains("never their sum"), e.decision());
    }

    @Test
    void twoHalfSubsidiesAreNotSummedIntoAFullOne() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(
                spell("MINIMUM_LIVING", "2022-08-31", null), spell("MONITORED_UNSTABLE", "2022-08-31", null)), List.of());
        assertEquals(money("175"), e.subsidy());
        assertEquals(List.of("MINIMUM_LIVING", "MONITORED_UNSTABLE"), e.categories());
    }

    @Test
    void categoryRecognisedAfterTheWindowClosesEarnsNothingThisYear() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("MINIMUM_LIVING", "2023-01-05", null)), List.of());
        assertEquals(money("0"), e.subsidy());
        assertEquals(money("350"), e.personalDue());
        assertTrue(e.categories().isEmpty());
    }

    @Test
    void exitWithinTheYearChangesNoSubsidyGranted() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("MINIMUM_LIVING", "2022-08-31", "2022-10-31")), List.of());
        assertEquals(money("175"), e.subsidy());
    }

    @Test
    void categoryEndedBeforeTheBaseListDateEarnsNothing() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("MINIMUM_LIVING", "2022-01-01", "2022-06-30")), List.of());
        assertEquals(money("0"), e.subsidy());
    }

    @Test
    void payingTheDueInFullEnrolsAtThePaymentTime() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("MINIMUM_LIVING", "2022-08-31", null)),
                List.of(payment("175.00", "2022-10-08T09:30:00+08:00")));
        assertEquals(State.PAID, e.state());
        assertEquals(OffsetDateTime.parse("2022-10-08T09:30:00+08:00"), e.enrolledAt());
        assertEquals(LocalDate.of(2023, 1, 1), e.coveredFrom());
    }

    @Test
    void partPaymentLeavesThePersonUnderpaidAndNotEnrolled() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(), List.of(payment("200.00", "2022-10-08T09:30:00+08:00")));
        assertEquals(State.UNDERPAID, e.state());
        assertNull(e.enrolledAt());
    }

    @Test
    void paidInFullThenRecognisedInTheWindowIsOwedARetroactiveSubsidy() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(spell("MINIMUM_LIVING", "2022-11-01", null)),
                List.of(payment("350.00", "2022-09-10T10:00:00+08:00")));
        assertEquals(State.OVERPAID, e.state());
        assertEquals(money("175"), e.retroactiveSubsidyDue());
        assertEquals(money("0"), e.refundDue());
        assertEquals(OffsetDateTime.parse("2022-09-10T10:00:00+08:00"), e.enrolledAt());
    }

    @Test
    void hardshipPersonChargedTheFullAmountIsFlaggedForARefund() {
        Entitlement e = SubsidyDecision.decide(XIYAN_2022, null, List.of(spell("MINIMUM_LIVING", "2021-06-01", null)),
                List.of(payment("320.00", "2021-10-01T10:00:00+08:00")));
        assertEquals(money("160"), e.personalDue());
        assertEquals(State.OVERPAID, e.state());
        assertEquals(money("160"), e.refundDue());
        assertEquals(money("0"), e.retroactiveSubsidyDue());
    }

    @Test
    void aikouTableGivesAFixedSubsidyPerTier() {
        List<CategorySpell> stable = List.of(spell("STABLE_EX_POOR", "2022-08-31", null));
        assertEquals(money("300"), SubsidyDecision.decide(AIKOU_2023, 1, stable, List.of()).personalDue());
        assertEquals(money("675"), SubsidyDecision.decide(AIKOU_2023, 2, stable, List.of()).personalDue());
        List<CategorySpell> marginal = List.of(spell("LOW_INCOME_MARGINAL", "2022-08-31", null));
        assertEquals(money("105"), SubsidyDecision.decide(AIKOU_2023, 1, marginal, List.of()).personalDue());
        assertEquals(money("375"), SubsidyDecision.decide(AIKOU_2023, 2, marginal, List.of()).personalDue());
    }

    @Test
    void theTierOfTheLatestPaymentIsTheOneDecided() {
        PaymentRecord tier2 = new PaymentRecord("R2", 2, money("725"), OffsetDateTime.parse("2022-10-01T10:00:00+08:00"));
        Entitlement e = SubsidyDecision.decide(AIKOU_2023, null, List.of(), List.of(tier2));
        assertEquals(2, e.tier());
        assertEquals(State.PAID, e.state());
    }

    @Test
    void enrolmentAfterTheWindowIsCoveredFromTheNextMonth() {
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(), List.of(payment("350.00", "2023-01-15T10:00:00+08:00")));
        assertEquals(LocalDate.of(2023, 2, 1), e.coveredFrom());
    }

    @Test
    void aPaymentAtATierThePolicyDoesNotHaveIsDecidedAtTheLowestAndFlagged() {
        PaymentRecord tier3 = new PaymentRecord("R3", 3, money("350"), OffsetDateTime.parse("2022-10-01T10:00:00+08:00"));
        Entitlement e = SubsidyDecision.decide(PINGJIANG_2023, null, List.of(), List.of(tier3));
        assertEquals(1, e.tier());
        assertEquals(State.PAID, e.state());
        assertTrue(e.decision().contains("names tier 3"), e.decision());
    }

    @Test
    void aTierThePolicyDoesNotHaveIsRefused() {
        assertThrows(InvalidInput.class, () -> SubsidyDecision.decide(PINGJIANG_2023, 3, List.of(), List.of()));
    }
}

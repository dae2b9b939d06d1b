package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.money;
import static org.canbao.subsidy.domain.Notices.paid;
import static org.canbao.subsidy.domain.Notices.policy;
import static org.canbao.subsidy.domain.Notices.spell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.canbao.subsidy.domain.Entitlement.State;
import org.junit.jupiter.api.Test;

/** When a payment after the window is covered from, and what it owes: the Aikou, Xiyan and Wuming notices' cases. */
class BenefitStartRulesTest {
    private static final Policy AIKOU = policy(2023, Notices.AIKOU_2023);
    private static final Policy XIYAN = policy(2022, Notices.XIYAN_2022);
    private static final Policy WUMING = policy(2018, Notices.WUMING_2018);

    @Test
    void givenAikouWhenPaidInTheWindowThenCoveredFromFirstJanuary() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(), List.of(paid("350.00", "2022-12-10")));
        assertEquals(LocalDate.of(2023, 1, 1), e.coveredFrom());
    }

    @Test
    void givenAikouWhenPaidInFebruaryThenCoveredFromTheFirstOfTheNextMonth() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(), List.of(paid("350.00", "2023-02-10")));
        assertEquals(State.PAID, e.state());
        assertEquals(LocalDate.of(2023, 3, 1), e.coveredFrom());
    }

    @Test
    void givenAikouWhenPaidBetweenMarchAndJuneThenCoveredNinetyDaysAfterPayment() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(), List.of(paid("350.00", "2023-04-10")));
        assertEquals(money("350.00"), e.personalDue());
        assertEquals(LocalDate.of(2023, 7, 9), e.coveredFrom());
        assertTrue(e.decision().contains("covered 90 days after payment"), e.decision());
    }

    @Test
    void givenAikouWhenPaidFromJulyThenTheFiscalShareIsDueAndNinetyDaysWaited() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(), List.of(paid("960.00", "2023-07-03")));
        assertEquals(money("960.00"), e.personalDue(), "350 + the 610 fiscal subsidy no longer given");
        assertEquals(State.PAID, e.state());
        assertEquals(LocalDate.of(2023, 10, 1), e.coveredFrom());
    }

    @Test
    void givenAikouWhenOnlyThePersonalShareIsPaidInJulyThenNotEnrolled() {
        Entitlement e = SubsidyDecision.decide(AIKOU, null, List.of(), List.of(paid("350.00", "2023-07-03")));
        assertEquals(State.UNDERPAID, e.state());
        assertNull(e.coveredFrom());
    }

    @Test
    void givenXiyanWhenANewbornIsPaidForWithinNinetyDaysThenCoveredFromBirth() {
        Enrollee baby = new Enrollee(LocalDate.of(2022, 3, 5), null, false);
        Entitlement e = SubsidyDecision.decide(XIYAN, null, List.of(), List.of(paid("320.00", "2022-05-20")), baby);
        assertEquals(money("320.00"), e.personalDue(), "the personal standard");
        assertEquals(LocalDate.of(2022, 3, 5), e.coveredFrom());
    }

    @Test
    void givenXiyanWhenANewbornIsPaidForAfterNinetyDaysThenTheFullFinancingStandardFromTheNextMonth() {
        Enrollee baby = new Enrollee(LocalDate.of(2022, 1, 5), null, false);
        Entitlement e = SubsidyDecision.decide(XIYAN, null, List.of(), List.of(paid("900.00", "2022-05-20")), baby);
        assertEquals(money("900.00"), e.personalDue(), "320 + 580");
        assertEquals(LocalDate.of(2022, 6, 1), e.coveredFrom());
    }

    @Test
    void givenXiyanWhenAChildWelfareIntakePaysThenCoveredFromIntake() {
        Enrollee child = new Enrollee(null, LocalDate.of(2022, 4, 2), false);
        Entitlement e = SubsidyDecision.decide(XIYAN, null, List.of(), List.of(paid("320.00", "2022-04-12")), child);
        assertEquals(LocalDate.of(2022, 4, 2), e.coveredFrom());
    }

    @Test
    void givenXiyanWhenAMonitoredHouseholdFoundUnenrolledPaysThenCoveredFromThePaymentDateAtThePersonalStandard() {
        Entitlement e = SubsidyDecision.decide(XIYAN, null, List.of(spell("MONITORED_UNSTABLE", "2021-10-01")),
                List.of(paid("160.00", "2022-03-15")));
        assertEquals(money("160.00"), e.personalDue());
        assertEquals(State.PAID, e.state());
        assertEquals(LocalDate.of(2022, 3, 15), e.coveredFrom());
    }

    @Test
    void givenXiyanWhenAnyoneElseEnrolsLateThenTheFullFinancingStandardFromTheNextMonth() {
        Entitlement e = SubsidyDecision.decide(XIYAN, null, List.of(), List.of(paid("900.00", "2022-03-15")));
        assertEquals(money("900.00"), e.personalDue());
        assertEquals(LocalDate.of(2022, 4, 1), e.coveredFrom());
    }

    @Test
    void givenWumingWhenPaidInTheFirstHalfOfTheYearThenEnrolled() {
        Entitlement e = SubsidyDecision.decide(WUMING, null, List.of(), List.of(paid("180.00", "2018-03-02")));
        assertEquals(State.PAID, e.state());
        assertEquals(LocalDate.of(2018, 4, 1), e.coveredFrom());
    }

    @Test
    void givenWumingWhenPaidFromJulyThenNoEnrolmentAndTheMoneyIsRefunded() {
        Entitlement e = SubsidyDecision.decide(WUMING, null, List.of(), List.of(paid("180.00", "2018-08-02")));
        assertFalse(e.enrolled());
        assertNull(e.coveredFrom());
        assertEquals(money("180.00"), e.refundDue());
        assertTrue(e.decision().contains("no enrolment for the year"), e.decision());
    }

    @Test
    void givenWumingWhenANewbornUnderThreeMonthsPaysFromJulyThenEnrolled() {
        Enrollee baby = new Enrollee(LocalDate.of(2018, 7, 20), null, false);
        Entitlement e = SubsidyDecision.decide(WUMING, null, List.of(), List.of(paid("180.00", "2018-09-10")), baby);
        assertTrue(e.enrolled());
        assertEquals(LocalDate.of(2018, 10, 1), e.coveredFrom(), "the notice says no more than that it is allowed");
    }

    @Test
    void givenWumingWhenAHardshipPersonPaysFromJulyThenEnrolled() {
        Entitlement e = SubsidyDecision.decide(WUMING, null, List.of(spell("REGISTERED_POOR", "2017-10-01")),
                List.of(paid("180.00", "2018-09-10")));
        assertTrue(e.enrolled());
        assertEquals(money("0.00"), e.refundDue());
    }

    @Test
    void givenXiyanWhenCivilAffairsReportsAnIntakeAfterTheWindowThenItsFirstDayIsTheIntake() {
        List<CategorySpell> spells = List.of(spell(Enrollee.INTAKE_CATEGORY, "2022-05-10"));
        assertEquals(LocalDate.of(2022, 5, 10), Enrollee.of(null, spells, XIYAN).intakeDate());
        Entitlement e = SubsidyDecision.decide(XIYAN, null, spells, List.of(paid("320.00", "2022-06-01")));
        assertEquals(LocalDate.of(2022, 5, 10), e.coveredFrom());
        assertEquals(money("320.00"), e.personalDue());
    }

    @Test
    void givenXiyanWhenTheChildWasTakenInDuringTheWindowThenNoIntakeRuleButTheHardshipOne() {
        List<CategorySpell> spells = List.of(spell(Enrollee.INTAKE_CATEGORY, "2021-10-10"));
        assertNull(Enrollee.of(null, spells, XIYAN).intakeDate());
        Entitlement e = SubsidyDecision.decide(XIYAN, null, spells, List.of(paid("320.00", "2022-06-01")));
        assertEquals(LocalDate.of(2022, 6, 1), e.coveredFrom(), "a category recognised in the window: found unenrolled");
        assertEquals(money("320.00"), e.personalDue());
    }

    @Test
    void givenXiyanWhenANewbornBornBeforeTheYearPaysInJanuaryThenCoveredFromTheYearsFirstDayNotBefore() {
        Enrollee baby = new Enrollee(LocalDate.of(2021, 11, 20), null, false);
        Entitlement e = SubsidyDecision.decide(XIYAN, null, List.of(), List.of(paid("320.00", "2022-01-10")), baby);
        assertEquals(LocalDate.of(2022, 1, 1), e.coveredFrom());
    }

    @Test
    void anInfantIsBornLessThanAYearBeforeTheRostersDate() {
        LocalDate asOf = LocalDate.of(2022, 3, 10);
        assertEquals(LocalDate.of(2021, 3, 11), org.canbao.contracts.IdentityVerified.infantBirthDate(LocalDate.of(2021, 3, 11), asOf));
        assertNull(org.canbao.contracts.IdentityVerified.infantBirthDate(LocalDate.of(2021, 3, 10), asOf));
        assertNull(org.canbao.contracts.IdentityVerified.infantBirthDate(LocalDate.of(2022, 3, 11), asOf), "not born yet");
    }

    @Test
    void givenNoRulesWhenPaidAfterTheWindowThenCoveredFromTheNextMonthAsBefore() {
        Policy pingjiang = policy(2023, Notices.PINGJIANG_2023);
        Entitlement e = SubsidyDecision.decide(pingjiang, null, List.of(), List.of(paid("350.00", "2023-01-10")));
        assertEquals(LocalDate.of(2023, 2, 1), e.coveredFrom());
        assertEquals(money("350.00"), e.personalDue());
    }
}

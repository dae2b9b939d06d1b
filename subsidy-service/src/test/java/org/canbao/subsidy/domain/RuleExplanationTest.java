package org.canbao.subsidy.domain;

import static org.canbao.subsidy.domain.Notices.paid;
import static org.canbao.subsidy.domain.Notices.policy;
import static org.canbao.subsidy.domain.Notices.spell;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The explanation says what the after-window rules decided, in the notices' terms. */
class RuleExplanationTest {
    private static Explanation explain(Policy policy, List<CategorySpell> spells, List<PaymentRecord> payments) {
        Entitlement decided = SubsidyDecision.decide(policy, null, spells, payments);
        return Explanation.of(policy, null, decided,
                spells.stream().map(s -> new Explanation.RecordedSpell(s, Instant.EPOCH)).toList(), payments, Map.of());
    }

    @Test
    void givenAikouWhenPaidInJulyThenTheExplanationNamesTheFullFinancingStandard() {
        Explanation x = explain(policy(2023, Notices.AIKOU_2023), List.of(), List.of(paid("960.00", "2023-07-03")));
        assertTrue(x.rule().contains("full financing standard") && x.rule().contains("960.00"), x.rule());
        assertTrue(x.rule().contains("covered from 2023-10-01"), x.rule());
    }

    @Test
    void givenWumingWhenPaidInAugustThenTheExplanationSaysNoEnrolmentAndARefund() {
        Explanation x = explain(policy(2018, Notices.WUMING_2018), List.of(), List.of(paid("180.00", "2018-08-02")));
        assertTrue(x.rule().contains("takes no enrolment") && x.rule().contains("180.00 is to be refunded"), x.rule());
    }

    @Test
    void givenShandongWhenRecognisedAfterTheWindowBeforePayingThenTheCategoryCounts() {
        Explanation x = explain(policy(2024, Notices.SHANDONG_2024), List.of(spell("MINIMUM_LIVING", "2024-03-01")), List.of());
        assertTrue(x.categories().get(0).counted(), x.toString());
        assertTrue(x.categories().get(0).note().contains("随参随缴"), x.toString());
    }

    @Test
    void givenAikouWhenAnElderlyDemobilisedSoldierIsUnpaidThenTheTierIsExplained() {
        Explanation x = explain(policy(2023, Notices.AIKOU_2023), List.of(spell("ELDERLY_DEMOBILIZED", "2022-10-01")), List.of());
        assertTrue(x.rule().contains("the lowest tier at which the person's categories earn a subsidy"), x.rule());
    }

    @Test
    void givenWumingWhenACategoryIsNotOfTheYearThenTheExplanationSaysSo() {
        Explanation x = explain(policy(2018, Notices.WUMING_2018), List.of(spell("MONITORED_UNSTABLE", "2017-10-01")), List.of());
        assertTrue(x.categories().get(0).note().contains("not a category of policy year 2018"), x.toString());
    }
}

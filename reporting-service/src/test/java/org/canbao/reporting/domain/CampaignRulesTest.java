package org.canbao.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;
import org.junit.jupiter.api.Test;

/** The campaign rules of the five notices, one case each, without a database or a broker. */
class CampaignRulesTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Units named u0, u1, … with {enrolled, target} pairs, ranked. */
    private static List<UnitProgress> units(long... enrolledThenTarget) {
        List<UnitTarget> targets = new ArrayList<>();
        Map<String, UnitCounts> counts = new HashMap<>();
        for (int i = 0; i < enrolledThenTarget.length; i += 2) {
            targets.add(new UnitTarget("u" + i / 2, "village", enrolledThenTarget[i + 1], true));
            counts.put("u" + i / 2, new UnitCounts(enrolledThenTarget[i], 0, 0));
        }
        return CoverageProjection.progress(targets, counts);
    }

    private static CampaignDocument document(List<CampaignDocument.Checkpoint> checkpoints,
                                             List<CampaignDocument.Bulletin> bulletins) {
        return new CampaignDocument(null, checkpoints, bulletins, null, null, null, null, null, null, null);
    }

    private static List<String> rendered(List<Message> problems) {
        return problems.stream().map(m -> m.render(Language.EN)).toList();
    }

    @Test
    void aikouBulletinsAreEveryMondayUntilTheEndOfNovemberThenDailyUntilFifteenDecember() {
        List<LocalDate> days = CampaignRules.bulletinDays(List.of(
                new CampaignDocument.Bulletin("MONDAY", "2022-11-02", "2022-11-30"),
                new CampaignDocument.Bulletin("DAY", "2022-12-01", "2022-12-15")));
        assertEquals(4 + 15, days.size());
        assertEquals(List.of(LocalDate.parse("2022-11-07"), LocalDate.parse("2022-11-14"), LocalDate.parse("2022-11-21"),
                LocalDate.parse("2022-11-28"), LocalDate.parse("2022-12-01")), days.subList(0, 5));
    }

    @Test
    void aBulletinCountsUpToMidnightOfItsDayAndSitsAmongTheCheckpoints() {
        List<CampaignDocument.Checkpoint> schedule = CampaignRules.schedule(document(
                List.of(new CampaignDocument.Checkpoint("2022-12-15", d("0.95"), "eligible")),
                List.of(new CampaignDocument.Bulletin("DAY", "2022-12-14", "2022-12-16"))));
        assertEquals(List.of("2022-12-14T00:00+08:00", "2022-12-15T00:00+08:00", "2022-12-15"),
                schedule.stream().map(CampaignDocument.Checkpoint::cutoff).toList(),
                "16 Dec 00:00 is the checkpoint's own cut-off (15 Dec 24:00): one bulletin, with its ratio");
        assertNull(schedule.get(0).requiredRatio());
        assertEquals(d("0.95"), schedule.get(2).requiredRatio());
    }

    @Test
    void wumingsThursdayBulletinHasNoRatioSoNobodyIsBelowButTheBottomAreFlagged() {
        CheckpointBulletin bulletin = CheckpointBulletin.of(OffsetDateTime.parse("2017-11-16T00:00:00+08:00"), null, null,
                Map.of(), units(90, 100, 50, 100, 70, 100, 80, 100, 60, 100), 3, BigDecimal.ONE);
        assertEquals(List.of(), bulletin.below());
        assertFalse(bulletin.lastPlaceBelow());
        assertEquals("u1", bulletin.lastPlace());
        assertEquals(List.of("u2", "u4", "u1"), bulletin.bottom());
        assertNull(bulletin.ratioOf());
    }

    @Test
    void aikouNinetyFivePercentOfTheTaskDependsOnWhatTheRatioIsAShareOf() {
        // 隘口居委: eligible 2743, task 2606 (95 % of it); 2500 enrolled by 15 Dec
        List<UnitProgress> units = units(2500, 2606);
        Map<String, Long> eligible = Map.of("u0", 2743L);
        OffsetDateTime cutoff = OffsetDateTime.parse("2022-12-16T00:00:00+08:00");
        assertEquals(List.of(), CheckpointBulletin.of(cutoff, d("0.95"), "target", eligible, units, 3, BigDecimal.ONE).below(),
                "95 % of the task: 2475.7 persons");
        assertEquals(List.of("u0"), CheckpointBulletin.of(cutoff, d("0.95"), "eligible", eligible, units, 3, BigDecimal.ONE).below(),
                "95 % of the eligible, which is the task itself: 2605.85 persons");
    }

    @Test
    void theBottomThreeOfElevenVillagesAreCalledInWithTiesAndNoneWhenThreeOrFewerAreRanked() {
        List<UnitProgress> eleven = units(95, 100, 94, 100, 93, 100, 92, 100, 91, 100, 90, 100, 89, 100, 88, 100, 87, 100,
                86, 100, 86, 100);
        assertEquals(List.of("u8", "u9", "u10"), BottomFlags.bottom(eleven, 3));
        assertEquals(List.of("u9", "u10"), BottomFlags.bottom(eleven, 1), "tied for last place");
        assertEquals(List.of(), BottomFlags.bottom(units(1, 10, 2, 10, 3, 10), 3));
        assertEquals(List.of(), BottomFlags.bottom(eleven, 0));
    }

    @Test
    void aikouCallsInTheVillagesRankedAmongTheBottomThreeAtTwoBulletinsInARow() {
        List<List<String>> bottoms = List.of(List.of("a", "b", "c"), List.of("b", "c", "d"), List.of("a", "d", "e"),
                List.of("d", "e", "f"));
        assertEquals(List.of(List.of(), List.of("b", "c"), List.of("d"), List.of("d", "e")), BottomFlags.inARow(bottoms, 2));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of("d")), BottomFlags.inARow(bottoms, 3));
        assertEquals(bottoms, BottomFlags.inARow(bottoms, 1), "one bulletin: its own bottom three");
    }

    @Test
    void shandongsNinetyNinePercentFloorForMedicalAssistanceRecipients() {
        UnitProgress township = new UnitProgress("山大路街道", "subdistrict", 100L, 100, d("1.0000"), 1,
                new UnitProgress.Hardship(200, 198, d("0.9900")));
        assertEquals(List.of(), BottomFlags.belowHardshipFloor(List.of(township), d("0.99")));
        assertEquals(List.of("山大路街道"), BottomFlags.belowHardshipFloor(List.of(township), BigDecimal.ONE));
        assertEquals(d("0.99"), CampaignRules.hardshipFloor(new CampaignDocument(null, null, null, null,
                new CampaignDocument.HardshipFloor(d("0.99"), List.of("MINIMUM_LIVING")), null, null, null, null, null)));
        assertEquals(BigDecimal.ONE, CampaignRules.hardshipFloor(document(null, null)), "Pingjiang, Aikou: 100 %");
    }

    @Test
    void aikouTargetsAreReducedForResidentsEnrolledElsewhereNeverBelowZero() {
        List<UnitTarget> reduced = TargetReductions.apply(List.of(new UnitTarget("隘口居委", "community", 2606L, true),
                new UnitTarget("平所村", "village", 10L, true), new UnitTarget("隘口镇", "town", null, true)),
                Map.of("隘口居委", 30L, "平所村", 12L, "隘口镇", 42L));
        assertEquals(2576L, reduced.get(0).target());
        assertEquals(0L, reduced.get(1).target());
        assertNull(reduced.get(2).target(), "a rolled-up unit is reduced through its children");
    }

    @Test
    void wumingsTargetsAreNinetySevenPercentOfTheEnd2016Population() {
        long[] population = {73769, 40075, 59242, 25681, 39732, 66252, 54092, 41237, 59699, 63514, 42208, 24321, 37906};
        long total = 0;
        for (long p : population) {
            total += CampaignTargets.formula(p, null, null, d("0.97"));
        }
        assertEquals(71556, CampaignTargets.formula(73769, null, null, d("0.97")));
        assertEquals(608897, total, "合计 as the notice's table");
    }

    @Test
    void xiyanDeductsOneThousandOnceForAVillageBelowNinetyFiveOrWithHardshipBelowAHundred() {
        IncentiveRules rules = new IncentiveRules("2021-12-31", List.of(new IncentiveRules.Band(d("0"), d("0.5"))),
                null, null, null, null, null, IncentiveRules.WINDOW_END,
                List.of(new IncentiveRules.Deduction(d("1000"), d("0.95"), d("1.00"), "罚款")));
        List<UnitProgress> villages = List.of(
                new UnitProgress("落水村", "village", 100L, 94, d("0.9400"), 3, new UnitProgress.Hardship(10, 10, d("1.0000"))),
                new UnitProgress("石龙村", "village", 100L, 100, d("1.0000"), 1, new UnitProgress.Hardship(10, 9, d("0.9000"))),
                new UnitProgress("长康村", "village", 100L, 90, d("0.9000"), 4, new UnitProgress.Hardship(10, 9, d("0.9000"))),
                new UnitProgress("源水村", "village", 100L, 100, d("1.0000"), 1, new UnitProgress.Hardship(0, 0, null)));
        List<IncentiveRules.Incentive> funds = rules.incentives(villages, Map.of());
        assertEquals(List.of(d("-1000.00"), d("-1000.00"), d("-1000.00"), d("0.00")),
                funds.stream().map(IncentiveRules.Incentive::deductions).toList());
        assertEquals(List.of("罚款"), funds.get(2).deductedFor());
        assertEquals(d("-953.00"), funds.get(0).total(), "94 × 0.5 − 1000");
    }

    @Test
    void xiyansShortfallIsMeasuredAtTheEndOfTheWindowNotAfterLateEnrollees() {
        IncentiveRules.Band band = new IncentiveRules.Band(d("0"), d("0.5"));
        List<UnitProgress> atCutoff = units(90, 100);
        IncentiveRules windowEnd = new IncentiveRules(null, List.of(band), null, d("0.5"), d("2"), null, null,
                IncentiveRules.WINDOW_END, null);
        IncentiveRules latest = new IncentiveRules(null, List.of(band), null, d("0.5"), d("2"), null, null, null, null);
        assertEquals(d("-20.00"), windowEnd.incentives(atCutoff, Map.of("u0", 5L)).get(0).shortfall(), "10 short on 31 Dec");
        assertEquals(d("-10.00"), latest.incentives(atCutoff, Map.of("u0", 5L)).get(0).shortfall(), "5 short after the late 5");
    }

    @Test
    void contradictionsAreNamedByTheirJsonPath() {
        CampaignDocument d = new CampaignDocument(null, List.of(
                new CampaignDocument.Checkpoint("2022-11-10", d("0.9")),
                new CampaignDocument.Checkpoint("2022-11-11T00:00:00+08:00", d("0.7")),
                new CampaignDocument.Checkpoint("2022-12-10", d("0.8")),
                new CampaignDocument.Checkpoint("2022-12-15", d("0.95"), "eligible")),
                List.of(new CampaignDocument.Bulletin("FORTNIGHTLY", "2022-12-01", "2022-11-01")), -1, null, null,
                List.of(" "), null, null, 0);
        List<String> problems = rendered(CampaignRules.problems(d, false));
        assertTrue(problems.contains("$.bottomInARow: bottomInARow 0 is below 1"), problems.toString());
        assertTrue(problems.contains("$.checkpoints[1].cutoff: the same cut-off as $.checkpoints[0]"), problems.toString());
        assertTrue(problems.contains("$.checkpoints[2].requiredRatio: requiredRatio 0.8 is less than the earlier "
                + "$.checkpoints[0]'s 0.9: a later checkpoint cannot ask for less"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.checkpoints[3].ratioOf: ratioOf eligible, but no unit")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.bulletins[0].every: every 'FORTNIGHTLY' is not one of")), problems.toString());
        assertTrue(problems.contains("$.bulletins[0].until: until 2022-11-01 is before from 2022-12-01"), problems.toString());
        assertTrue(problems.contains("$.bottomN: bottomN -1 is negative"), problems.toString());
        assertTrue(problems.contains("$.taxOffices[0]: missing"), problems.toString());
    }

    @Test
    void incentiveBandsTwiceAndADeductionWithoutAConditionContradict() {
        IncentiveRules rules = new IncentiveRules(null, List.of(new IncentiveRules.Band(d("1.00"), d("1.0")),
                new IncentiveRules.Band(d("1.0"), d("1.5"))), null, null, null, null, null, "SOMETIME",
                List.of(new IncentiveRules.Deduction(d("1000"), null, null, null)));
        List<String> problems = rendered(CampaignRules.problems(rules));
        assertEquals(List.of("$.incentives.bands[1].minRatio: a second band at minRatio 1.0 (see $.incentives.bands[0])",
                "$.incentives.shortfallAt: shortfallAt 'SOMETIME' is not one of WINDOW_END, LATEST",
                "$.incentives.deductions[0]: a deduction needs a belowRatio or a hardshipBelowRatio"), problems);
    }

    @Test
    void xiyanFlagsAPaymentToAnotherCountysTaxOffice() {
        OffsetDateTime paid = OffsetDateTime.parse("2021-10-08T10:00:00+08:00");
        List<Reconciliation.Payment> payments = List.of(
                new Reconciliation.Payment("R1", "西岩镇", "石龙村", "国家税务总局城步苗族自治县税务局", d("320.00"), paid),
                new Reconciliation.Payment("R2", "西岩镇", "石龙村", "国家税务总局新宁县税务局", d("320.00"), paid),
                new Reconciliation.Payment("R3", "西岩镇", "落水村", null, d("160.00"), paid));
        Reconciliation checked = Reconciliation.of(2022, List.of("国家税务总局城步苗族自治县税务局"), payments);
        assertEquals(3, checked.payments());
        assertEquals(1, checked.toOtherOffices());
        assertEquals(1, checked.withoutOffice());
        assertEquals("R2", checked.flagged().get(0).receiptId());
        assertEquals(Reconciliation.OTHER_TAX_OFFICE, checked.flagged().get(0).reason());
        assertEquals(List.of(), Reconciliation.of(2022, null, payments).flagged(), "no office configured: nothing to check");
    }
}

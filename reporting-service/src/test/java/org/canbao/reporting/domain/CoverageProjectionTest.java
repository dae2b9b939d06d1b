package org.canbao.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.canbao.platform.batch.InvalidInput;
import org.junit.jupiter.api.Test;

class CoverageProjectionTest {
    private static final List<UnitTarget> PINGJIANG_PART = List.of(
            new UnitTarget("三阳乡", "township", 24599L, true),
            new UnitTarget("梅仙镇", "township", 60780L, true),
            new UnitTarget("园艺示范中心", "special_unit", 1719L, false),
            new UnitTarget("大洲乡", "township", 17637L, true));

    @Test
    void unitsAreRankedByCompletionRatioAndTheDemonstrationCentreIsNot() {
        List<UnitProgress> progress = CoverageProjection.progress(PINGJIANG_PART, Map.of(
                "三阳乡", new UnitCounts(17219, 0, 0),
                "梅仙镇", new UnitCounts(54702, 0, 0),
                "园艺示范中心", new UnitCounts(1719, 0, 0),
                "大洲乡", new UnitCounts(12346, 0, 0)));
        assertEquals(new BigDecimal("0.7000"), progress.get(0).ratio());
        assertEquals(new BigDecimal("0.9000"), progress.get(1).ratio());
        assertEquals(1, progress.get(1).rank());
        assertNull(progress.get(2).rank());
        assertEquals(new BigDecimal("1.0000"), progress.get(2).ratio());
        assertEquals(2, progress.get(0).rank());
        assertEquals(2, progress.get(3).rank(), "12346 / 17637 rounds to 0.7000 too: equal ratios share a rank");
    }

    @Test
    void theTotalAddsUpTargetsAndHardship() {
        List<UnitProgress> progress = CoverageProjection.progress(PINGJIANG_PART.subList(0, 2), Map.of(
                "三阳乡", new UnitCounts(10, 4, 4), "梅仙镇", new UnitCounts(20, 6, 5)));
        UnitProgress total = CoverageProjection.total(progress);
        assertEquals(85379L, total.target());
        assertEquals(30, total.enrolled());
        assertEquals(new BigDecimal("0.9000"), total.hardship().ratio());
    }

    @Test
    void theLastPlaceSpeaksOnlyWhenBelowTheCheckpoint() {
        List<UnitProgress> progress = CoverageProjection.progress(PINGJIANG_PART, Map.of(
                "三阳乡", new UnitCounts(20000, 0, 0), "梅仙镇", new UnitCounts(60000, 0, 0),
                "大洲乡", new UnitCounts(10000, 0, 0)));
        CheckpointBulletin bulletin = CheckpointBulletin.of(OffsetDateTime.parse("2022-11-11T00:00:00+08:00"),
                new BigDecimal("0.70"), progress);
        assertEquals(List.of("梅仙镇", "三阳乡", "大洲乡"), bulletin.topThree());
        assertEquals("大洲乡", bulletin.lastPlace());
        assertTrue(bulletin.lastPlaceBelow());
        assertEquals(List.of("大洲乡"), bulletin.below());
    }

    @Test
    void aDateCutOffIsTheEndOfThatDayInShanghai() {
        assertEquals(OffsetDateTime.parse("2022-11-11T00:00:00+08:00"), BusinessTime.cutoff("2022-11-10", "asOf"));
        assertThrows(InvalidInput.class, () -> BusinessTime.cutoff("10 Nov", "asOf"));
    }

    @Test
    void tableInconsistenciesAreWarnedNotCorrected() {
        CampaignTargets.Parsed parsed = CampaignTargets.read(List.of(
                Map.of("unit_name", "坝芒村", "unit_kind", "village", "population", "3327", "employee_insured", "61",
                        "eligible", "3226", "target", "3102"),
                Map.of("unit_name", "青界山", "unit_kind", "village", "target", "378")), List.of(2, 3));
        assertEquals(3102L, parsed.units().get(0).target());
        assertEquals(1, parsed.warnings().size());
        assertTrue(parsed.warnings().get(0).startsWith("line 2: 坝芒村"));
    }
}

package org.canbao.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canbao.platform.batch.InvalidInput;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;
import org.junit.jupiter.api.Test;

class UnitTreeTest {
    /** Shandong's levels: a province, a city, two counties, townships, one village. */
    private static final List<UnitTarget> UNITS = List.of(
            new UnitTarget("山东省", "province", null, true, null),
            new UnitTarget("济市", "city", null, true, "山东省"),
            new UnitTarget("东县", "county", null, true, "济市"),
            new UnitTarget("西县", "county", 300L, true, "济市"),
            new UnitTarget("甲镇", "township", 100L, true, "东县"),
            new UnitTarget("乙镇", "township", 50L, true, "东县"),
            new UnitTarget("丙镇", "township", 200L, true, "西县"),
            new UnitTarget("丙一村", "village", 80L, true, "丙镇"));

    @Test
    void targetsRollUpWhereAUnitGivesNone() {
        UnitTree tree = UnitTree.of(UNITS);
        assertEquals(150L, tree.withTarget("东县").target());
        assertEquals(300L, tree.withTarget("西县").target(), "a county's own target wins over its townships' sum");
        assertEquals(450L, tree.withTarget("山东省").target());
        assertEquals(List.of("山东省"), tree.roots().stream().map(UnitTarget::name).toList());
        assertEquals(List.of("东县", "西县"), tree.children("济市").stream().map(UnitTarget::name).toList());
    }

    @Test
    void personsAreCountedWhereTheyLiveAndRolledUpAboveThat() {
        UnitTree tree = UnitTree.of(UNITS);
        Map<String, UnitCounts> direct = Map.of("甲镇", new UnitCounts(3, 1, 1), "乙镇", new UnitCounts(2, 0, 0),
                "丙镇", new UnitCounts(4, 2, 1), "丙一村", new UnitCounts(1, 1, 0));
        Set<String> lived = direct.keySet();
        assertEquals(new UnitCounts(5, 1, 1), tree.counts("东县", lived, n -> direct.getOrDefault(n, UnitCounts.NONE)));
        assertEquals(new UnitCounts(9, 3, 2), tree.counts("山东省", lived, n -> direct.getOrDefault(n, UnitCounts.NONE)));
        assertEquals(new UnitCounts(4, 2, 1), tree.counts("丙镇", lived, n -> direct.getOrDefault(n, UnitCounts.NONE)),
                "a township counts its persons itself: its village's are among them, not added twice");
    }

    @Test
    void aUnitLiesWithinItsAncestors() {
        UnitTree tree = UnitTree.of(UNITS);
        assertTrue(tree.within("丙一村", "济市"));
        assertTrue(tree.within("东县", "东县"));
        assertFalse(tree.within("甲镇", "西县"));
        assertEquals(List.of("东县", "甲镇", "乙镇"), tree.subtree("东县"));
    }

    @Test
    void anUnknownParentOrACircleIsNoTree() {
        assertEquals(List.of("甲镇: parent '无县' is not a unit of the campaign"),
                UnitTree.problems(List.of(new UnitTarget("甲镇", "township", 1L, true, "无县"))).stream()
                        .map(m -> m.render(Language.EN)).toList());
        List<Message> circle = UnitTree.problems(List.of(new UnitTarget("甲", "county", 1L, true, "乙"),
                new UnitTarget("乙", "county", 1L, true, "甲")));
        assertEquals(2, circle.size(), circle.toString());
        assertThrows(IllegalArgumentException.class, () -> UnitTree.of(List.of(new UnitTarget("甲", "county", 1L, true, "甲"))));
    }

    @Test
    void aTargetMayBeComputedFromTheTablesColumns() {
        assertEquals(883L, CampaignTargets.formula(1000, 90L, null, new BigDecimal("0.97")), "Wuming: 97 % of 910 (882.7), rounded half up");
        assertEquals(3205L, CampaignTargets.formula(3327, 61L, 61L, BigDecimal.ONE), "Aikou: less those enrolled elsewhere (核减)");
        CampaignTargets.Parsed parsed = CampaignTargets.read(List.of(
                Map.of("unit_name", "甲镇", "unit_kind", "township", "population", "1000", "employee_insured", "90", "rate", "97%"),
                Map.of("unit_name", "乙村", "unit_kind", "village", "parent", "甲镇", "target", "10")), List.of(2, 3));
        assertEquals(883L, parsed.units().get(0).target());
        assertEquals("甲镇", parsed.units().get(1).parent());
        InvalidInput both = assertThrows(InvalidInput.class, () -> CampaignTargets.read(List.of(
                Map.of("unit_name", "甲镇", "target", "5", "population", "10", "rate", "0.9")), List.of(2)));
        assertEquals("第2行：“甲镇”同时给了任务数（target）和比例（rate），只能给一个", both.message().render(Language.ZH));
        assertThrows(InvalidInput.class, () -> CampaignTargets.read(List.of(
                Map.of("unit_name", "乙村", "parent", "无此镇", "target", "10")), List.of(2)));
    }
}

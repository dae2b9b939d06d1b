package org.canbao.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwardsAndIncentivesTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Xiyan 2022: 1.0 / 0.9 / 0.8 / 0.6 / 0.5 by band, +0.1 per point above 100 %, 0.5 late, -2 short, 2000/1500/1000. */
    private static final IncentiveRules XIYAN = new IncentiveRules(null, List.of(
            new IncentiveRules.Band(d("1.00"), d("1.0")), new IncentiveRules.Band(d("0.97"), d("0.9")),
            new IncentiveRules.Band(d("0.95"), d("0.8")), new IncentiveRules.Band(d("0.90"), d("0.6")),
            new IncentiveRules.Band(d("0"), d("0.5"))),
            d("0.1"), d("0.5"), d("2"), List.of(d("2000"), d("1500"), d("1000")), d("1.00"));

    private static List<UnitProgress> units(long... enrolledThenTarget) {
        List<UnitTarget> targets = new java.util.ArrayList<>();
        Map<String, UnitCounts> counts = new java.util.HashMap<>();
        for (int i = 0; i < enrolledThenTarget.length; i += 2) {
            String name = "unit" + i / 2;
            targets.add(new UnitTarget(name, "village", enrolledThenTarget[i + 1], true));
            counts.put(name, new UnitCounts(enrolledThenTarget[i], 0, 0));
        }
        return CoverageProjection.progress(targets, counts);
    }

    @Test
    void threePointsAboveTargetEarnOnePointThreeAPersonAndTheFirstPlaceBonus() {
        IncentiveRules.Incentive first = XIYAN.incentives(units(1030, 1000), Map.of()).get(0);
        assertEquals(d("1.30"), first.perPerson());
        assertEquals(d("1339.00"), first.base());
        assertEquals(d("2000.00"), first.topBonus());
        assertEquals(d("3339.00"), first.total());
    }

    @Test
    void aUnitShortOfTargetLosesTwoYuanPerMissingPersonAndGainsHalfAYuanForLateOnes() {
        IncentiveRules.Incentive unit = XIYAN.incentives(units(920, 1000), Map.of("unit0", 30L)).get(0);
        assertEquals(d("0.60"), unit.perPerson());
        assertEquals(d("552.00"), unit.base());
        assertEquals(d("15.00"), unit.late());
        assertEquals(d("-100.00"), unit.shortfall());
        assertEquals(d("0.00"), unit.topBonus(), "only units at 100 % take a top bonus");
        assertEquals(d("467.00"), unit.total());
    }

    @Test
    void advancedUnitsNeedNinetyEightPercentAndATopFifteenRank() {
        AwardRules pingjiang = new AwardRules(null, d("0.98"), 1);
        List<AwardRules.Award> awards = pingjiang.awards(units(990, 1000, 985, 1000, 900, 1000));
        assertEquals(List.of("unit0"), awards.stream().map(AwardRules.Award::name).toList());
        List<UnitProgress> withCentre = CoverageProjection.progress(List.of(new UnitTarget("园艺示范中心", "special_unit", 100L, false)),
                Map.of("园艺示范中心", new UnitCounts(99, 0, 0)));
        assertEquals(1, pingjiang.awards(withCentre).size(), "the unranked centre qualifies on its ratio");
    }
}

package org.canbao.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendTest {
    private static final LocalDate SEP_1 = LocalDate.of(2022, 9, 1);

    @Test
    void daysRunFromTheFirstEnrolmentToTheLastWithTheRunningTotalAndItsShare() {
        Trend trend = Trend.of(2023, "梅仙镇", 200L, Map.of(SEP_1.plusDays(3), 30L, SEP_1, 10L, SEP_1.plusDays(1), 60L),
                List.of(new Trend.Line(LocalDate.of(2022, 11, 10), new BigDecimal("0.9"))));
        assertEquals(4, trend.days().size(), "the quiet day between is kept");
        assertEquals(List.of(10L, 60L, 0L, 30L), trend.days().stream().map(Trend.Day::enrolled).toList());
        assertEquals(List.of(10L, 70L, 70L, 100L), trend.days().stream().map(Trend.Day::cumulative).toList());
        assertEquals(new BigDecimal("0.5000"), trend.days().get(3).ratio());
        assertEquals(SEP_1.plusDays(2), trend.days().get(2).date());
    }

    @Test
    void withoutATargetThereIsNoShareAndWithoutEnrolmentsNoDays() {
        assertNull(Trend.of(2023, "梅仙镇", null, Map.of(SEP_1, 5L), List.of()).days().get(0).ratio());
        assertTrue(Trend.of(2023, null, 100L, Map.of(), List.of()).days().isEmpty());
    }
}

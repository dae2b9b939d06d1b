package org.canbao.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit's enrolment over the season, day by day (Asia/Shanghai dates): each day's new enrolments, the running total
 * and its share of the target, beside the checkpoints' required ratios, so a supervisor sees whether the curve will
 * meet the next line. Days without enrolments between the first and the last are kept (a flat stretch is news too).
 */
public record Trend(int policyYear, String unit, Long target, List<Day> days, List<Line> checkpoints) {
    public record Day(LocalDate date, long enrolled, long cumulative, BigDecimal ratio) {
    }

    /** A checkpoint's date (its cut-off's last day) and the ratio required by then; null when it requires none. */
    public record Line(LocalDate date, BigDecimal requiredRatio) {
    }

    /** The series from each day's count (days may be missing or unordered); {@code before} counts enrolments dated earlier. */
    public static Trend of(int policyYear, String unit, Long target, Map<LocalDate, Long> perDay, List<Line> checkpoints) {
        TreeMap<LocalDate, Long> sorted = new TreeMap<>(perDay);
        List<Day> days = new ArrayList<>();
        long cumulative = 0;
        if (!sorted.isEmpty()) {
            for (LocalDate d = sorted.firstKey(); !d.isAfter(sorted.lastKey()); d = d.plusDays(1)) {
                long enrolled = sorted.getOrDefault(d, 0L);
                cumulative += enrolled;
                days.add(new Day(d, enrolled, cumulative, CoverageProjection.ratio(cumulative, target)));
            }
        }
        return new Trend(policyYear, unit, target, days, checkpoints);
    }
}

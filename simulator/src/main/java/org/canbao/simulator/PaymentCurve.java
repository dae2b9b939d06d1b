package org.canbao.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The days residents pay on: slow when the window opens and rising, with rushes in the five days before each
 * checkpoint's cut-off (four times the day's weight) and in the last week before the window closes (six times).
 */
public final class PaymentCurve {
    private final LocalDate opens;
    private final double[] cumulative;

    public PaymentCurve(LocalDate opens, LocalDate closes, List<LocalDate> checkpointDays) {
        this.opens = opens;
        int days = (int) ChronoUnit.DAYS.between(opens, closes) + 1;
        this.cumulative = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = opens.plusDays(d);
            double weight = 0.3 + (double) d / days;
            for (LocalDate checkpoint : checkpointDays) {
                long before = ChronoUnit.DAYS.between(day, checkpoint);
                if (before >= 0 && before < 5) {
                    weight *= 4;
                }
            }
            if (ChronoUnit.DAYS.between(day, closes) < 7) {
                weight *= 6;
            }
            total += weight;
            cumulative[d] = total;
        }
        for (int d = 0; d < days; d++) {
            cumulative[d] /= total;
        }
    }

    public LocalDate draw(SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return opens.plusDays(low);
    }
}

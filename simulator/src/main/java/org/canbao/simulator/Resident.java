package org.canbao.simulator;

import java.math.BigDecimal;
import org.canbao.contracts.IdNumber;

/**
 * One simulated resident and everything the season does to them: their roster line's fields, a hardship category
 * a department lists from one monthly snapshot until another (or to the end), an exclusion, and their payment.
 */
public record Resident(int index, IdNumber id, String name, String household, Unit unit, Hardship hardship,
                       String exclusion, Payment payment, BigDecimal due) {

    /** Listed by {@code department} in its snapshots from feed {@code fromFeed} on, until feed {@code untilFeed} (-1: never dropped). */
    public record Hardship(String category, String department, int fromFeed, int untilFeed) {
        public boolean listedIn(int feed) {
            return feed >= fromFeed && (untilFeed < 0 || feed < untilFeed);
        }

        public boolean listedNow() {
            return untilFeed < 0;
        }
    }

    /**
     * A payment of the whole personal due: over REST or the tax stream, maybe sent twice, maybe reversed at the end of
     * the season and then paid again under a new receipt.
     */
    public record Payment(String receiptId, String paidAt, int period, String channel, boolean stream, boolean sentTwice,
                          boolean reversed, boolean repaid) {
    }

    public boolean excluded() {
        return exclusion != null;
    }

    /** Whether progress counts them in the end: paid in full (net of reversals) or nothing due, and not excluded. */
    public boolean enrolled() {
        return !excluded() && (due.signum() == 0 || payment != null && (!payment.reversed() || payment.repaid()));
    }

    /** Whether progress counts them enrolled before the corrections (reversals, payments again). */
    public boolean enrolledBeforeCorrections() {
        return !excluded() && (due.signum() == 0 || payment != null);
    }

    public boolean hardshipNow() {
        return !excluded() && hardship != null && hardship.listedNow();
    }
}

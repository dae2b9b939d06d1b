package org.canbao.enrollment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a department's monthly feed is in order: its last feed, and a flag when it is missing (none, or older than
 * the allowed age) or when the department's list shrank or grew by more than the allowed share since the feed before.
 * A list that halves from one month to the next is more often a broken export than a policy.
 */
public record FeedHealth(String department, Instant lastReceived, String mode, LocalDate asOf, Integer accepted,
                         Integer rejected, Long members, Long previousMembers, BigDecimal change, List<String> flags) {
    public static final String MISSING = "missing";
    public static final String SHRANK = "shrank";
    public static final String GREW = "grew";

    /** One feed as received: when, how, what became of its lines, and the department's list size right after it. */
    public record Feed(Instant received, String mode, LocalDate asOf, int accepted, int rejected, long members) {
    }

    /** @param last the newest feed or null; @param previous the one before it or null */
    public static FeedHealth of(String department, Feed last, Feed previous, Instant now, Duration maxAge,
                                BigDecimal maxChange) {
        List<String> flags = new ArrayList<>();
        if (last == null) {
            flags.add(MISSING);
            return new FeedHealth(department, null, null, null, null, null, null, null, null, flags);
        }
        if (last.received().plus(maxAge).isBefore(now)) {
            flags.add(MISSING);
        }
        BigDecimal change = null;
        if (previous != null && previous.members() > 0) {
            change = BigDecimal.valueOf(last.members() - previous.members())
                    .divide(BigDecimal.valueOf(previous.members()), 4, RoundingMode.HALF_UP);
            if (change.abs().compareTo(maxChange) > 0) {
                flags.add(change.signum() < 0 ? SHRANK : GREW);
            }
        } else if (previous != null && last.members() > 0) {
            flags.add(GREW);
        }
        return new FeedHealth(department, last.received(), last.mode(), last.asOf(), last.accepted(), last.rejected(),
                last.members(), previous == null ? null : previous.members(), change, flags);
    }
}

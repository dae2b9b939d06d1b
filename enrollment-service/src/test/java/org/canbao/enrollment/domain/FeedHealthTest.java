package org.canbao.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTest {
    private static final Instant NOW = Instant.parse("2022-10-15T02:00:00Z");
    private static final Duration MONTH = Duration.ofDays(35);
    private static final BigDecimal SHARE = new BigDecimal("0.2");

    private static FeedHealth.Feed feed(String received, long members) {
        return new FeedHealth.Feed(Instant.parse(received), "snapshot", LocalDate.of(2022, 9, 30), 10, 0, members);
    }

    @Test
    void aDepartmentThatNeverSentIsMissing() {
        assertEquals(List.of("missing"), FeedHealth.of("civil-affairs", null, null, NOW, MONTH, SHARE).flags());
    }

    @Test
    void aFeedOlderThanAMonthIsMissing() {
        assertEquals(List.of("missing"), FeedHealth.of("civil-affairs", feed("2022-09-01T02:00:00Z", 100), null, NOW, MONTH, SHARE).flags());
    }

    @Test
    void aListThatShrankOrGrewByMoreThanTheShareIsFlaggedAndWithinItNot() {
        FeedHealth shrank = FeedHealth.of("civil-affairs", feed("2022-10-01T02:00:00Z", 70), feed("2022-09-01T02:00:00Z", 100),
                NOW, MONTH, SHARE);
        assertEquals(List.of("shrank"), shrank.flags());
        assertEquals(new BigDecimal("-0.3000"), shrank.change());
        assertEquals(List.of("grew"), FeedHealth.of("civil-affairs", feed("2022-10-01T02:00:00Z", 121),
                feed("2022-09-01T02:00:00Z", 100), NOW, MONTH, SHARE).flags());
        assertEquals(List.of(), FeedHealth.of("civil-affairs", feed("2022-10-01T02:00:00Z", 120),
                feed("2022-09-01T02:00:00Z", 100), NOW, MONTH, SHARE).flags());
    }

    @Test
    void aListThatStartsAfterAnEmptyOneGrew() {
        assertEquals(List.of("grew"), FeedHealth.of("civil-affairs", feed("2022-10-01T02:00:00Z", 5),
                feed("2022-09-01T02:00:00Z", 0), NOW, MONTH, SHARE).flags());
    }
}

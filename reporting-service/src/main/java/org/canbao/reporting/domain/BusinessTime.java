package org.canbao.reporting.domain;

import org.canbao.platform.batch.InvalidInput;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Instants as users write them: a full time with offset, or a date meaning the end of that day in Shanghai. */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    /** "2022-11-10" is the cut-off "10 Nov 24:00", that is 2022-11-11T00:00+08:00, exclusive. */
    public static OffsetDateTime cutoff(String text, String field) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("campaign.not-cutoff", field, text);
        }
    }
}

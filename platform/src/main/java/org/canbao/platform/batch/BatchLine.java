package org.canbao.platform.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.canbao.contracts.IdNumber;
import org.canbao.platform.i18n.Message;

/** One line of a batch body, as field texts, with readers that reject the line with a precise reason. */
public record BatchLine(int number, Map<String, String> fields) {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public String optional(String field) {
        String value = fields.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String required(String field) {
        String value = optional(field);
        if (value == null) {
            throw new LineRejected(field, "field.missing", Message.field(field));
        }
        return value;
    }

    /**
     * A text a person typed (a name, a household, a place): at most {@code max} characters, without control
     * characters or the invisible marks that reorder text on screen (bidirectional overrides).
     */
    public String text(String field, int max, boolean required) {
        String value = required ? required(field) : optional(field);
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new LineRejected(field, "field.too-long", Message.field(field), max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL || c == '\u061C' || c == '\u200E' || c == '\u200F'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw new LineRejected(field, "field.control-character", Message.field(field), i + 1);
            }
        }
        return value;
    }

    public IdNumber idNumber(String field) {
        try {
            return IdNumber.parse(required(field));
        } catch (IdNumber.InvalidIdNumber e) {
            throw new LineRejected(field, Message.of(e.code(), e.args().toArray()));
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
        String value = optional(field);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LineRejected(field, "field.not-one-of", Message.field(field), value, java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public int integer(String field, Integer fallback) {
        String value = fallback == null ? required(field) : optional(field);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LineRejected(field, "field.not-whole-number", Message.field(field), value);
        }
    }

    /** A positive amount of yuan with at most two decimals. */
    public BigDecimal money(String field) {
        String value = required(field);
        if (!value.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            throw new LineRejected(field, "field.not-amount", Message.field(field), value);
        }
        BigDecimal amount = new BigDecimal(value).setScale(2);
        if (amount.signum() == 0) {
            throw new LineRejected(field, "field.not-positive", Message.field(field));
        }
        return amount;
    }

    public LocalDate date(String field) {
        String value = required(field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new LineRejected(field, "field.not-date", Message.field(field), value);
        }
    }

    /**
     * A time with offset; without one (also as {@code 2022-11-20 09:30:00}), or a date alone (its start), it is
     * Asia/Shanghai time, as API.md fixes.
     */
    public OffsetDateTime instant(String field) {
        String value = required(field);
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(SHANGHAI).toOffsetDateTime();
            }
            if (value.length() == 19 && value.charAt(10) == ' ') {
                // 2022-11-20 09:30:00, the usual form in Chinese systems
                return LocalDateTime.parse(value.replace(' ', 'T')).atZone(SHANGHAI).toOffsetDateTime();
            }
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(value).atZone(SHANGHAI).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            throw new LineRejected(field, "field.not-time", Message.field(field), value);
        }
    }
}

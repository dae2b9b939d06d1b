package org.canbao.contracts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resident identity number (居民身份证号, GB 11643). Its {@link #toString()} is masked, so an
 * accidental log line or error message never carries the full number.
 */
public final class IdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private static final Pattern ID_LIKE =
            Pattern.compile("(?<![0-9])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9])");

    private final String value;

    /** The provinces' codes (GB/T 2260), and 81, 82, 83 of the residence
     * permits for Hong Kong, Macao and Taiwan (whose numbers begin 810000, 820000, 830000); a province's own code
     * (430000) is no person's. */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private IdNumber(String value) {
        this.value = value;
    }

    /** Parses and validates; the exception's message is a reason fit for a client (it never echoes the number). */
    public static IdNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdNumber("id-number.missing", "id number missing");
        }
        String s = raw.trim().toUpperCase();
        if (s.length() != 18) {
            throw new InvalidIdNumber("id-number.length", "id number must have 18 characters, has " + s.length(), s.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                throw new InvalidIdNumber("id-number.digit", "id number character " + (i + 1) + " is not a digit", i + 1);
            }
        }
        if (!PROVINCES.contains(s.substring(0, 2)) || (s.startsWith("0000", 2) && s.charAt(0) != '8')) {
            throw new InvalidIdNumber("id-number.region", "id number region code (its first six digits) is no administrative division");
        }
        if (birthDateOf(s).isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))) {
            throw new InvalidIdNumber("id-number.future-birth", "id number birth date lies in the future");
        }
        if (s.charAt(17) != checkCharacter(s)) {
            throw new InvalidIdNumber("id-number.check-digit", "id number check digit");
        }
        return new IdNumber(s);
    }

    /** Builds a valid number from its parts; for synthetic populations and tests. */
    public static IdNumber of(String regionCode, LocalDate birthDate, int sequence) {
        String body = regionCode + String.format("%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return parse(body + checkCharacter(body));
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static LocalDate birthDateOf(String s) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
            if (date.getYear() < 1880) {
                throw new InvalidIdNumber("id-number.birth-date", "id number birth date is impossible");
            }
            return date;
        } catch (DateTimeException e) {
            throw new InvalidIdNumber("id-number.birth-date", "id number birth date is impossible");
        }
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** The form allowed in logs, list views and responses: {@code 430626********1234}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** Masks every 18-character run shaped like an ID number in a free text (an error message, a log line). */
    public static String scrub(String text) {
        return text == null ? null : ID_LIKE.matcher(text).replaceAll("$1********$2");
    }

    /**
     * Why a number is no ID number: the message in English, and a stable {@code code} with its arguments for a
     * catalog that says it in the caller's language.
     */
    public static final class InvalidIdNumber extends IllegalArgumentException {
        private final String code;
        private final java.util.List<Object> args;

        public InvalidIdNumber(String code, String reason, Object... args) {
            super(reason);
            this.code = code;
            this.args = java.util.List.of(args);
        }

        public String code() {
            return code;
        }

        public java.util.List<Object> args() {
            return args;
        }
    }
}

package org.canbao.platform.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * A figure table as county staff pass it around: a title (the file's name), Chinese column headers and rows. Answered
 * as {@code text/csv} or as an xlsx workbook by {@link TableWriter}, whichever the caller asks for ({@code Accept}, or
 * {@code ?format=csv|xlsx} in a link).
 */
public record Table(String title, List<String> headers, List<List<Object>> rows) {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A share such as a completion ratio: a percentage cell in xlsx, {@code 97.53%} in CSV. */
    public record Percent(BigDecimal ratio) {
        public static Percent of(BigDecimal ratio) {
            return ratio == null ? null : new Percent(ratio);
        }
    }
}

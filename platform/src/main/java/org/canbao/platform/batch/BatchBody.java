package org.canbao.platform.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.canbao.contracts.EventCodec;

/**
 * Lines of a batch, NDJSON or CSV with a header row, numbered as a person sees them in the file (for CSV the header
 * is line 1), and the lines that could not be read at all in {@code unreadable}. {@link BatchStream} reads them.
 */
public record BatchBody(List<BatchLine> lines, List<Rejection> unreadable) {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A body already in memory as text (a table inside a JSON document). */
    public static BatchBody parse(String body, String mediaType) {
        return BatchStream.of(body == null ? null : body.getBytes(StandardCharsets.UTF_8), mediaType).all();
    }

    /** A body in memory as bytes, read as {@link BatchStream} reads a request's body. */
    public static BatchBody parse(byte[] body, String mediaType) {
        return BatchStream.of(body, mediaType).all();
    }

    /** Records of a stream, one JSON object each, numbered from 1 in the order given. */
    public static BatchBody ofJsonRecords(List<String> records) {
        return ndjson(records.toArray(String[]::new), true);
    }

    /** The distinct values of a field over all lines, upper-cased (ID numbers end in X or x). */
    public static Set<String> distinctUpper(List<BatchLine> lines, String field) {
        return lines.stream().map(l -> l.optional(field)).filter(Objects::nonNull)
                .map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** @param records stream records, where an empty one is rejected rather than skipped like a blank line */
    private static BatchBody ndjson(String[] raw, boolean records) {
        List<BatchLine> lines = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null || raw[i].isBlank()) {
                if (records) {
                    unreadable.add(new Rejection(i + 1, null, "line.empty-record"));
                }
                continue;
            }
            ndjsonLine(i + 1, raw[i], lines, unreadable);
        }
        return new BatchBody(lines, unreadable);
    }

    /** One NDJSON line: a JSON object, its field names read as the API's (a bureau's Chinese headers too). */
    static void ndjsonLine(int number, String text, List<BatchLine> lines, List<Rejection> unreadable) {
        try {
            JsonNode node = EventCodec.mapper().readTree(text);
            if (!node.isObject()) {
                unreadable.add(new Rejection(number, null, "line.not-object"));
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> fields.put(Headers.field(f.getKey()), f.getValue().isNull() ? null : f.getValue().asText()));
            lines.add(new BatchLine(number, fields));
        } catch (JsonProcessingException e) {
            unreadable.add(new Rejection(number, null, "line.not-json"));
        }
    }
}

package org.canbao.platform.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
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
 * Reads a batch body, NDJSON or CSV with a header row, into lines numbered as a person sees them in the
 * file (for CSV the header is line 1). A line that cannot be read at all is reported in {@code unreadable}.
 */
public record BatchBody(List<BatchLine> lines, List<Rejection> unreadable) {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    public static BatchBody parse(String body, String mediaType) {
        String text = body == null ? "" : body.replace("\uFEFF", "");
        String[] raw = text.split("\r?\n", -1);
        boolean csv = mediaType != null && mediaType.toLowerCase().startsWith(CSV);
        return csv ? csv(raw) : ndjson(raw, false);
    }

    /**
     * A body as bytes, in the charset its media type names ({@code charset=GBK}); without one, UTF-8, or GB18030
     * (of which GBK is a part) when the bytes are not UTF-8 but are GB18030, as Excel's CSV in China usually is. Every
     * line is decoded strictly: a line with bytes that are not valid in that charset is rejected with its number
     * rather than stored with replacement characters, and the other lines take effect.
     */
    public static BatchBody parse(byte[] body, String mediaType) {
        byte[] bytes = body == null ? new byte[0] : body;
        Charset declared = Charsets.declared(mediaType);
        Charset charset = declared != null ? declared : Charsets.detect(bytes);
        List<Rejection> undecodable = new ArrayList<>();
        String[] raw = Charsets.lines(bytes, charset, undecodable);
        boolean csv = mediaType != null && mediaType.toLowerCase(Locale.ROOT).startsWith(CSV);
        BatchBody parsed = csv ? csv(raw) : ndjson(raw, false);
        if (undecodable.isEmpty()) {
            return parsed;
        }
        List<Rejection> unreadable = new ArrayList<>(parsed.unreadable());
        unreadable.addAll(undecodable);
        unreadable.sort(java.util.Comparator.comparingInt(Rejection::line));
        return new BatchBody(parsed.lines(), unreadable);
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
                    unreadable.add(new Rejection(i + 1, null, "record is empty"));
                }
                continue;
            }
            try {
                JsonNode node = EventCodec.mapper().readTree(raw[i]);
                if (!node.isObject()) {
                    unreadable.add(new Rejection(i + 1, null, "line is not a JSON object"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                node.fields().forEachRemaining(f -> fields.put(Headers.field(f.getKey()), f.getValue().isNull() ? null : f.getValue().asText()));
                lines.add(new BatchLine(i + 1, fields));
            } catch (JsonProcessingException e) {
                unreadable.add(new Rejection(i + 1, null, "line is not valid JSON"));
            }
        }
        return new BatchBody(lines, unreadable);
    }

    private static BatchBody csv(String[] raw) {
        List<BatchLine> lines = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        int headerIndex = 0;
        while (headerIndex < raw.length && raw[headerIndex].isBlank()) {
            headerIndex++;
        }
        if (headerIndex == raw.length) {
            return new BatchBody(lines, unreadable);
        }
        List<String> header = Csv.split(raw[headerIndex]);
        for (int i = headerIndex + 1; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            List<String> cells = Csv.split(raw[i]);
            if (cells.size() > header.size()) {
                unreadable.add(new Rejection(i + 1, null, "line has " + cells.size() + " cells, the header " + header.size()));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                fields.put(Headers.field(header.get(c)), cells.get(c));
            }
            lines.add(new BatchLine(i + 1, fields));
        }
        return new BatchBody(lines, unreadable);
    }
}

package org.canbao.platform.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import org.canbao.contracts.IdNumber;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.canbao.platform.i18n.Language;

/**
 * The answer to a batch: how many lines took effect, how many changed nothing because they were already in
 * effect, and each rejected line with its reason. Feeds add their added / removed / unchanged counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchReport {
    public int accepted;
    public int duplicates;
    public final List<Rejection> rejected = new ArrayList<>();
    /** Accepted lines to follow up (a payment to another county's tax office, an unlisted channel); absent when none. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public final List<Flag> flagged = new ArrayList<>();
    public Integer added;
    public Integer removed;
    public Integer unchanged;
    /** Each rejected line's cells as sent, ID numbers masked, by line number: the rejected lines' workbook. */
    @JsonIgnore
    public final Map<Integer, Map<String, String>> rejectedCells = new HashMap<>();

    public static BatchReport startingWith(BatchBody body) {
        BatchReport report = new BatchReport();
        report.rejected.addAll(body.unreadable());
        return report;
    }

    /** Adds a chunk's report to this one (the lines of one batch, taken a chunk at a time). */
    public void add(BatchReport chunk) {
        accepted += chunk.accepted;
        duplicates += chunk.duplicates;
        rejected.addAll(chunk.rejected);
        rejectedCells.putAll(chunk.rejectedCells);
        flagged.addAll(chunk.flagged);
    }

    /** A line that was read, and what was read from it. */
    public record Read<T>(BatchLine line, T value) {
    }

    /** Runs {@code handler} on every line, turning a {@link LineRejected} into a rejection of that line only. */
    public BatchReport each(List<BatchLine> lines, Consumer<BatchLine> handler) {
        return eachOf(lines, line -> line, handler);
    }

    /**
     * Reads every line, a {@link LineRejected} rejecting that line only: the lines read, in their order. A writer reads
     * a batch this way before it locks the streams the lines name, then takes the lines read with {@link #eachRead}.
     */
    public <T> List<Read<T>> read(List<BatchLine> lines, Function<BatchLine, T> reader) {
        List<Read<T>> read = new ArrayList<>();
        each(lines, line -> read.add(new Read<>(line, reader.apply(line))));
        return read;
    }

    /** Runs {@code handler} on every line read, a {@link LineRejected} rejecting that line only. */
    public <T> BatchReport eachRead(List<Read<T>> reads, Consumer<Read<T>> handler) {
        return eachOf(reads, Read::line, handler);
    }

    private <X> BatchReport eachOf(List<X> items, Function<X, BatchLine> lineOf, Consumer<X> handler) {
        for (X item : items) {
            try {
                handler.accept(item);
            } catch (LineRejected e) {
                BatchLine line = lineOf.apply(item);
                List<Rejection.FieldError> errors = e.all().isEmpty() ? null : e.all().stream()
                        .map(f -> new Rejection.FieldError(f.field(), f.message())).toList();
                rejected.add(new Rejection(line.number(), e.field(), e.message(), errors));
                rejectedCells.put(line.number(), masked(line.fields()));
            }
        }
        rejected.sort(Comparator.comparingInt(Rejection::line));
        return this;
    }

    private static Map<String, String> masked(Map<String, String> fields) {
        Map<String, String> cells = new LinkedHashMap<>();
        fields.forEach((field, value) -> cells.put(field, value == null ? null : IdNumber.scrub(value)));
        return cells;
    }

    /** Renders every reason, of rejections and flags, in {@code language} (they are Chinese until then). */
    public void renderIn(Language language) {
        rejected.replaceAll(r -> r.in(language));
        flagged.replaceAll(f -> f.in(language));
    }
}

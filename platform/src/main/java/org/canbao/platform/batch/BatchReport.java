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

    /** Runs {@code handler} on every line, turning a {@link LineRejected} into a rejection of that line only. */
    public BatchReport each(List<BatchLine> lines, Consumer<BatchLine> handler) {
        for (BatchLine line : lines) {
            try {
                handler.accept(line);
            } catch (LineRejected e) {
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

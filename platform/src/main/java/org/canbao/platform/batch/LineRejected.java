package org.canbao.platform.batch;

import java.util.List;

/**
 * Thrown while reading one batch line: that line is rejected with this field and reason, the others go on. When a
 * line has several bad fields ({@link LineChecks}), the first is this one and {@link #all()} lists every one.
 */
public class LineRejected extends RuntimeException {
    private final String field;
    private final List<LineRejected> all;

    public LineRejected(String field, String reason) {
        this(field, reason, List.of());
    }

    private LineRejected(String field, String reason, List<LineRejected> all) {
        super(reason, null, false, false);
        this.field = field;
        this.all = all;
    }

    /** The line's bad fields, the first of them as the field and reason. */
    public static LineRejected all(List<LineRejected> errors) {
        LineRejected first = errors.get(0);
        return errors.size() == 1 ? first : new LineRejected(first.field, first.reason(), List.copyOf(errors));
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }

    /** Every bad field when there are several, else empty. */
    public List<LineRejected> all() {
        return all;
    }
}

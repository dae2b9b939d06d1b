package org.canbao.platform.batch;

import java.util.List;
import org.canbao.platform.i18n.Message;

/**
 * Thrown while reading one batch line: that line is rejected with this field and message, the others go on. When a
 * line has several bad fields ({@link LineChecks}), the first is this one and {@link #all()} lists every one.
 */
public class LineRejected extends RuntimeException {
    private final String field;
    private final transient Message message;
    private final List<LineRejected> all;

    public LineRejected(String field, String code, Object... args) {
        this(field, Message.of(code, args), List.of());
    }

    public LineRejected(String field, Message message) {
        this(field, message, List.of());
    }

    private LineRejected(String field, Message message, List<LineRejected> all) {
        super(message.code(), null, false, false);
        this.field = field;
        this.message = message;
        this.all = all;
    }

    /** The line's bad fields, the first of them as the field and message. */
    public static LineRejected all(List<LineRejected> errors) {
        LineRejected first = errors.get(0);
        return errors.size() == 1 ? first : new LineRejected(first.field, first.message, List.copyOf(errors));
    }

    public String field() {
        return field;
    }

    public Message message() {
        return message;
    }

    /** Every bad field when there are several, else empty. */
    public List<LineRejected> all() {
        return all;
    }
}

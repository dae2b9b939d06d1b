package org.canbao.platform.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.canbao.platform.i18n.Message;

/**
 * Reads a line's fields one after the other and keeps every rejection instead of stopping at the first, so a clerk
 * learns all that is wrong with a line at once. A field that could not be read is null for the checks after it.
 */
public final class LineChecks {
    private final List<LineRejected> errors = new ArrayList<>();

    /** The field as {@code reader} reads it, or null when it rejects it (the rejection is kept). */
    public <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (LineRejected e) {
            errors.add(e);
            return null;
        }
    }

    /** Keeps a rejection of {@code field} with the message {@code code} unless {@code ok}. */
    public void require(boolean ok, String field, String code, Object... args) {
        if (!ok) {
            errors.add(new LineRejected(field, code, args));
        }
    }

    /** Keeps a rejection of {@code field} for the reason {@code message}. */
    public void reject(String field, Message message) {
        errors.add(new LineRejected(field, message));
    }

    /** Rejects the line with every bad field found, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw LineRejected.all(errors);
        }
    }
}

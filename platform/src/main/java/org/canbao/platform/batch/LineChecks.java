package org.canbao.platform.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    /** Keeps a rejection of {@code field} unless {@code ok}. */
    public void require(boolean ok, String field, String reason) {
        if (!ok) {
            errors.add(new LineRejected(field, reason));
        }
    }

    /** Rejects the line with every bad field found, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw LineRejected.all(errors);
        }
    }
}

package org.canbao.platform.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A batch line that did not take effect: where it is, which field, and why; {@code errors} lists every bad field
 * when the line has more than one ({@code field} and {@code reason} are the first of them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(int line, String field, String reason, List<FieldError> errors) {
    public Rejection(int line, String field, String reason) {
        this(line, field, reason, null);
    }

    /** One bad field of a line. */
    public record FieldError(String field, String reason) {
    }
}

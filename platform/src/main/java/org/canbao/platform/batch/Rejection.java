package org.canbao.platform.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;

/**
 * A batch line that did not take effect: where it is, which field, the stable {@code code} of why, and the
 * {@code reason} in words (Chinese unless rendered {@link #in} another language); {@code errors} lists every bad
 * field when the line has more than one ({@code field}, {@code code} and {@code reason} are the first of them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"line", "field", "code", "reason", "errors"})
public record Rejection(int line, String field, @JsonIgnore Message message, String reason, List<FieldError> errors) {
    public Rejection(int line, String field, Message message, List<FieldError> errors) {
        this(line, field, message, message.render(Language.ZH), errors);
    }

    public Rejection(int line, String field, String code, Object... args) {
        this(line, field, Message.of(code, args), null);
    }

    @JsonProperty("code")
    public String code() {
        return message.code();
    }

    /** This rejection with its reasons in {@code language}. */
    public Rejection in(Language language) {
        return new Rejection(line, field, message, message.render(language),
                errors == null ? null : errors.stream().map(e -> e.in(language)).toList());
    }

    /** One bad field of a line. */
    @JsonPropertyOrder({"field", "code", "reason"})
    public record FieldError(String field, @JsonIgnore Message message, String reason) {
        public FieldError(String field, Message message) {
            this(field, message, message.render(Language.ZH));
        }

        @JsonProperty("code")
        public String code() {
            return message.code();
        }

        public FieldError in(Language language) {
            return new FieldError(field, message, message.render(language));
        }
    }
}

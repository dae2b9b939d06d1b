package org.canbao.platform.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.canbao.platform.i18n.Language;
import org.canbao.platform.i18n.Message;

/** An accepted line that needs following up: which line, which field, and why (Chinese unless rendered {@link #in} another language). */
@JsonPropertyOrder({"line", "field", "code", "reason"})
public record Flag(int line, String field, @JsonIgnore Message message, String reason) {
    public Flag(int line, String field, Message message) {
        this(line, field, message, message.render(Language.ZH));
    }

    @JsonProperty("code")
    public String code() {
        return message.code();
    }

    public Flag in(Language language) {
        return new Flag(line, field, message, message.render(language));
    }
}

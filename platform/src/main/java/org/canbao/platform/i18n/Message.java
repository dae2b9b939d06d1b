package org.canbao.platform.i18n;

import java.util.Arrays;
import java.util.List;

/**
 * Something Canbao tells a caller (why a line was rejected, why a request was refused): a stable {@code code} from
 * the {@link Messages} catalog and its arguments, rendered in the caller's language only when answered. An argument
 * may itself be a message, rendered in the same language.
 */
public record Message(String code, List<Object> args) {
    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String code, Object... args) {
        return new Message(code, Arrays.stream(args).map(a -> a instanceof Message ? a : String.valueOf(a)).toList());
    }

    /** A field's name as the caller's language calls it (身份证号码 for {@code idNumber}), or as it is when the catalog has none. */
    public static Message field(String name) {
        return new Message(Messages.FIELD_NAME + name, List.of());
    }

    /** A department by its name in the API ({@code civil-affairs}): 民政部门 in Chinese. */
    public static Message department(String name) {
        return new Message(Messages.DEPARTMENT + name, List.of());
    }

    /** A hardship category by its code: its Chinese name (特困人员) in Chinese, the code in English. */
    public static Message category(String code) {
        return new Message(Messages.CATEGORY + code, List.of());
    }

    public String render(Language language) {
        return Messages.render(language, this);
    }

    /** Chinese, the language of a text nobody asked for in another (a record on a Kafka topic, a log line). */
    @Override
    public String toString() {
        return render(Language.ZH);
    }
}

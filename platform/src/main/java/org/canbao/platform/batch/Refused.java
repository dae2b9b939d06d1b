package org.canbao.platform.batch;

import org.canbao.platform.i18n.Message;

/**
 * A request Canbao refuses on purpose, answered as a problem document with this status and message, in the
 * caller's language. Anything else a request runs into is Canbao's fault: a 500 with a reference to the log.
 */
public class Refused extends RuntimeException {
    private final int status;
    private final transient Message message;

    public Refused(int status, String code, Object... args) {
        this(status, Message.of(code, args));
    }

    public Refused(int status, Message message) {
        super(message.code(), null, false, false);
        this.status = status;
        this.message = message;
    }

    public static Refused notFound(String code, Object... args) {
        return new Refused(404, code, args);
    }

    public static Refused forbidden(String code, Object... args) {
        return new Refused(403, code, args);
    }

    public int status() {
        return status;
    }

    public Message message() {
        return message;
    }
}

package org.canbao.platform.batch;

import org.canbao.platform.i18n.Message;

/** A request that cannot be taken as it is (a policy or campaign document that breaks a rule), answered 400. */
public class InvalidInput extends Refused {
    public InvalidInput(String code, Object... args) {
        super(400, code, args);
    }

    public InvalidInput(Message message) {
        super(400, message);
    }
}

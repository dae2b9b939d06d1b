package org.canbao.platform.batch;

/**
 * A request that cannot be taken as it is (a policy or campaign document that breaks a rule), answered 400 with
 * this reason. Anything else a request runs into is Canbao's fault: a 500 with a reference to the log.
 */
public class InvalidInput extends RuntimeException {
    public InvalidInput(String reason) {
        super(reason);
    }
}

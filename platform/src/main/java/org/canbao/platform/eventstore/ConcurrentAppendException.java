package org.canbao.platform.eventstore;

/**
 * Another transaction appended to one of these streams first: the version this one expected is taken, or a
 * transaction that began later already committed there. Nothing of this transaction is kept; doing it again
 * reads the new state and succeeds.
 */
public class ConcurrentAppendException extends RuntimeException {
    public ConcurrentAppendException(String message) {
        super(message);
    }
}

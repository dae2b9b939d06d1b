package org.canbao.platform.eventstore;

import java.time.Instant;

/**
 * One row of the event store: the envelope as it went on the bus ({@code payload}) and, for the service alone,
 * the facts it must never publish ({@code privateData}: a full ID number, a name), as JSON.
 */
public record StoredEvent(long position, String stream, long version, String type, String topic, String payload,
                          String privateData, Instant recordedAt) {
}

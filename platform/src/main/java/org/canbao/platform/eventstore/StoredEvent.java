package org.canbao.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import org.canbao.contracts.CanbaoEvent;
import org.canbao.contracts.EventCodec;
import org.canbao.contracts.EventType;

/**
 * One row of the event store: the envelope as it went on the bus ({@code payload}) and, for the service alone,
 * the facts it must never publish ({@code privateData}: a full ID number, a name), as JSON.
 */
public record StoredEvent(long position, String stream, long version, String type, String topic, String payload,
                          String privateData, Instant recordedAt) {
    /** Whether this is a Canbao event (not a rejected input record or a dead letter kept in the store). */
    public boolean isEvent() {
        return type.startsWith("org.canbao.");
    }

    public CanbaoEvent event() {
        return EventType.read(payload);
    }

    /** The private facts as JSON; empty when there are none. */
    public JsonNode facts() {
        try {
            return EventCodec.mapper().readTree(privateData == null ? "{}" : privateData);
        } catch (IOException e) {
            throw new IllegalStateException("stored facts of event " + position + " unreadable", e);
        }
    }
}

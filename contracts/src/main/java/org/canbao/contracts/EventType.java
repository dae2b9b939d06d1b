package org.canbao.contracts;

import java.util.HashMap;
import java.util.Map;

/**
 * Every event on the bus: its CloudEvents type, its topic, its payload class and its current schema version.
 * Version history: identity-verified 2 carries the birth year only; every type's next version (identity-verified 3,
 * the others 2) adds {@code stream}, {@code sequence} and {@code previous} to the envelope, payloads unchanged.
 */
public enum EventType {
    IDENTITY_VERIFIED("identity-verified", IdentityVerified.class, 3),
    STATUS_CHANGED("status-changed", StatusChanged.class, 2),
    PERSON_EXCLUDED("person-excluded", PersonExcluded.class, 2),
    PAYMENT_RECEIVED("payment-received", PaymentReceived.class, 2),
    PAYMENT_REVERSED("payment-reversed", PaymentReversed.class, 2),
    ENTITLEMENT_CHANGED("entitlement-changed", EntitlementChanged.class, 2),
    CAMPAIGN_DEFINED("campaign-defined", CampaignDefined.class, 2);

    /** Looked up for every record read and written: maps, not a scan of values() (a copy of the array each call). */
    private static final Map<String, EventType> BY_TOPIC = new HashMap<>();
    private static final Map<String, EventType> BY_CE_TYPE = new HashMap<>();
    private static final Map<Class<?>, EventType> BY_PAYLOAD = new HashMap<>();

    static {
        for (EventType type : values()) {
            BY_TOPIC.put(type.topic, type);
            BY_CE_TYPE.put(type.ceType(), type);
            BY_PAYLOAD.put(type.payload, type);
        }
    }

    private final String topic;
    private final String ceType;
    private final Class<? extends CanbaoEvent> payload;
    private final int schemaVersion;

    EventType(String topic, Class<? extends CanbaoEvent> payload, int schemaVersion) {
        this.topic = topic;
        this.ceType = "org.canbao." + topic;
        this.payload = payload;
        this.schemaVersion = schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends CanbaoEvent> payload() {
        return payload;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public static EventType of(CanbaoEvent event) {
        EventType type = BY_PAYLOAD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("unregistered event " + event.getClass());
        }
        return type;
    }

    public static EventType ofCeType(String ceType) {
        EventType type = BY_CE_TYPE.get(ceType);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type " + ceType);
        }
        return type;
    }

    /** The type of this CloudEvents type name, or null when there is none. */
    static EventType findCeType(String ceType) {
        return BY_CE_TYPE.get(ceType);
    }

    /** The event type a topic carries, or null for a topic that carries none (a dead-letter or an input topic). */
    public static EventType ofTopic(String topic) {
        return BY_TOPIC.get(topic);
    }

    /** Any Canbao event from its CloudEvents JSON, as the payload class its type names. */
    public static CanbaoEvent read(String json) {
        EventEnvelope envelope = EventCodec.read(json);
        return EventCodec.payload(envelope, ofCeType(envelope.type()).payload());
    }
}

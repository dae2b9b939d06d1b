package org.canbao.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards the readers already deployed. Each {@code events/<topic>.v<N>.json} is an event as version N wrote it.
 * Today's reader must read every version (older ones through an upcaster), and what today's writer produces must
 * carry every field of the current version's fixture with the same JSON type, or a reader of that version breaks:
 * such a change needs a new schema version, its fixture and an upcaster instead.
 */
class EventCompatibilityTest {
    private static final Map<EventType, CanbaoEvent> CURRENT = Map.of(
            EventType.IDENTITY_VERIFIED, new IdentityVerified("k", "430626********1234", "H1", "梅仙镇", "浆市村", "ACTIVE",
                    1958, Instant.parse("2022-08-31T02:00:00Z")),
            EventType.STATUS_CHANGED, new StatusChanged("k", "civil-affairs", "MINIMUM_LIVING", StatusChanged.Change.ADDED,
                    LocalDate.of(2022, 8, 31), Instant.parse("2022-08-31T02:00:00Z")),
            EventType.PAYMENT_RECEIVED, new PaymentReceived("k", "R1", 2023, 1, new BigDecimal("175.00"), "WECHAT",
                    OffsetDateTime.parse("2022-10-08T09:30:00+08:00"), "平江县税务局", Instant.parse("2022-10-08T01:31:00Z")),
            EventType.PAYMENT_REVERSED, new PaymentReversed("k", "R1", 2023, new BigDecimal("175.00"),
                    OffsetDateTime.parse("2022-10-09T09:30:00+08:00"), "bank returned the payment", Instant.parse("2022-10-09T01:31:00Z")),
            EventType.PERSON_EXCLUDED, new PersonExcluded("k", 2023, "EMPLOYEE_INSURED", Instant.parse("2022-09-01T02:00:00Z")),
            EventType.ENTITLEMENT_CHANGED, new EntitlementChanged("k", 2023, 1, "PAID", true,
                    OffsetDateTime.parse("2022-10-08T09:30:00+08:00"), new BigDecimal("175.00"), new BigDecimal("175.00"),
                    new BigDecimal("175.00")),
            EventType.CAMPAIGN_DEFINED, new CampaignDefined(2023, List.of(new CampaignDefined.Unit("梅仙镇", "township", 60780))));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyVersionIsStillReadable(EventType type) throws IOException {
        for (int version = 1; version <= type.schemaVersion(); version++) {
            EventEnvelope old = EventCodec.read(fixture(type, version));
            assertEquals(type.ceType(), old.type());
            CanbaoEvent event = EventCodec.payload(old, type.payload());
            assertNotNull(event.subject());
            assertEquals(old.subject(), event.subject());
        }
    }

    @Test
    void identityVersion1IsUpcastToABirthYear() throws IOException {
        IdentityVerified v2 = EventCodec.payload(EventCodec.read(fixture(EventType.IDENTITY_VERIFIED, 1)), IdentityVerified.class);
        assertEquals(1958, v2.birthYear());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void todaysEventsKeepEveryFieldOfTheCurrentVersion(EventType type) throws IOException {
        JsonNode old = EventCodec.mapper().readTree(fixture(type, type.schemaVersion()));
        JsonNode now = EventCodec.mapper().readTree(EventCodec.write(EventCodec.envelope("/test", CURRENT.get(type),
                "stream/k", 2L, 1L)));
        assertSameShape("", old, now);
    }

    private static void assertSameShape(String path, JsonNode old, JsonNode now) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = old.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "/" + field.getKey();
            JsonNode current = now.get(field.getKey());
            assertTrue(current != null, at + " was removed");
            if (!field.getValue().isNull() && !current.isNull()) {
                assertEquals(field.getValue().getNodeType(), current.getNodeType(), at + " changed type");
            }
            if (field.getValue().isObject()) {
                assertSameShape(at, field.getValue(), current);
            } else if (field.getValue().isArray() && !field.getValue().isEmpty() && !current.isEmpty()) {
                assertSameShape(at + "[0]", field.getValue().get(0), current.get(0));
            }
        }
    }

    static String fixture(EventType type, int version) throws IOException {
        try (InputStream in = EventCompatibilityTest.class.getResourceAsStream("/events/" + type.topic() + ".v" + version + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

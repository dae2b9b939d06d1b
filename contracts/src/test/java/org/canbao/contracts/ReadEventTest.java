package org.canbao.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link EventCodec#readEvent} reads every record as {@link EventCodec#read} and then {@link EventCodec#payload} do,
 * failing the same way, whether it binds the data as it reads it or takes the two steps.
 */
class ReadEventTest {
    private static final PaymentReceived PAYMENT = new PaymentReceived("k", "R1", 2023, 1, new BigDecimal("175.00"),
            "WECHAT", OffsetDateTime.parse("2022-10-08T09:30:00+08:00"), "平江县税务局", java.time.Instant.parse("2022-10-08T01:31:00Z"));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyVersionOfEveryTypeReadsAsInTwoSteps(EventType type) throws IOException {
        for (int version = 1; version <= type.schemaVersion(); version++) {
            String record = EventCompatibilityTest.fixture(type, version);
            assertSameAsTwoSteps(record, type.payload());
            assertSameAsTwoSteps(dataFirst(record), type.payload());
        }
    }

    @Test
    void anEventAsTheStoreWritesItIsBoundAsRead() {
        String record = EventCodec.write(EventCodec.envelope("/test", PAYMENT, "payment/R1", 3L, 2L));
        EventCodec.Read<PaymentReceived> read = EventCodec.readEvent(record, PaymentReceived.class);
        assertEquals(PAYMENT, read.payload());
        assertEquals("payment/R1", read.envelope().stream());
        assertEquals(3L, read.envelope().sequence());
        assertEquals(2L, read.envelope().previous());
        assertEquals(null, read.envelope().data());
        assertSameAsTwoSteps(record, PaymentReceived.class);
    }

    @Test
    void whatTwoStepsRefuseItRefusesAlike() throws IOException {
        String record = EventCodec.write(EventCodec.envelope("/test", PAYMENT, "payment/R1", 3L, 2L));
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(record);
        assertSameAsTwoSteps(record, StatusChanged.class); // another type than expected
        assertSameAsTwoSteps(with(tree, "schemaversion", 99), PaymentReceived.class); // newer than this reader
        assertSameAsTwoSteps(with(tree, "type", "org.canbao.no-such-event"), PaymentReceived.class);
        ObjectNode badData = tree.deepCopy();
        ((ObjectNode) badData.get("data")).put("policyYear", "not a year");
        assertSameAsTwoSteps(badData.toString(), PaymentReceived.class);
        assertSameAsTwoSteps("[1, 2]", PaymentReceived.class);
        assertSameAsTwoSteps("{\"type\": ", PaymentReceived.class);
        assertSameAsTwoSteps(with(tree, "time", "yesterday"), PaymentReceived.class);
    }

    @Test
    void unknownAttributesAreSkippedAndAnAttributeGivenAgainAfterTheDataCounts() throws IOException {
        String record = EventCodec.write(EventCodec.envelope("/test", PAYMENT, "payment/R1", 3L, 2L));
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(record);
        ObjectNode extended = tree.deepCopy();
        extended.putObject("traceparent").put("nested", true);
        extended.put("partitionkey", "k");
        assertSameAsTwoSteps(extended.toString(), PaymentReceived.class);
        String typeAgain = record.substring(0, record.length() - 1) + ",\"type\":\"org.canbao.status-changed\"}";
        assertSameAsTwoSteps(typeAgain, PaymentReceived.class);
        String versionAgain = record.substring(0, record.length() - 1) + ",\"schemaversion\":1}";
        assertSameAsTwoSteps(versionAgain, PaymentReceived.class);
    }

    private static <T extends CanbaoEvent> void assertSameAsTwoSteps(String record, Class<T> expected) {
        Object twoSteps;
        try {
            EventEnvelope envelope = EventCodec.read(record);
            twoSteps = new EventCodec.Read<>(envelope.withoutData(), EventCodec.payload(envelope, expected));
        } catch (RuntimeException e) {
            twoSteps = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Object oneStep;
        try {
            oneStep = EventCodec.readEvent(record, expected);
        } catch (RuntimeException e) {
            oneStep = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        assertEquals(twoSteps, oneStep, record);
    }

    /** The same record with its data before every attribute. */
    private static String dataFirst(String record) throws IOException {
        JsonNode tree = EventCodec.mapper().readTree(record);
        ObjectNode reordered = EventCodec.mapper().createObjectNode();
        if (tree.has("data")) {
            reordered.set("data", tree.get("data"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("data")) {
                reordered.set(field.getKey(), field.getValue());
            }
        }
        return reordered.toString();
    }

    private static String with(ObjectNode tree, String attribute, Object value) {
        ObjectNode changed = tree.deepCopy();
        changed.set(attribute, EventCodec.mapper().valueToTree(value));
        return changed.toString();
    }
}

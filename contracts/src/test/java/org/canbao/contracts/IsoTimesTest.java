package org.canbao.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The codec's fast readers of instants give what jackson-datatype-jsr310's readers give, values and errors alike. */
class IsoTimesTest {
    /** The codec's mapper without the fast readers. */
    private static final ObjectMapper STOCK = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"2023-12-31T16:00:00Z", "2022-10-08T09:30:00+08:00", "2022-10-08T09:30:00.5+08:00",
            "2022-10-08T09:30:00.123456789-05:30", "2024-02-29T23:59:59.999Z", "2022-10-08T09:30:00-00:00",
            "0001-01-01T00:00:00Z", "2022-10-08T09:30:00.000000001+18:00"})
    void theFastFormsReadAsTheStockReadersReadThem(String text) throws Exception {
        assertEquals(read(STOCK, text, OffsetDateTime.class), read(EventCodec.mapper(), text, OffsetDateTime.class));
        assertEquals(read(STOCK, text, Instant.class), read(EventCodec.mapper(), text, Instant.class));
        assertEquals(OffsetDateTime.parse(text), IsoTimes.parse(text));
    }

    /** Forms the fast reader leaves to the stock one: the answer is the stock reader's. */
    @ParameterizedTest
    @ValueSource(strings = {"2022-10-08T09:30Z", "2022-10-08T09:30:00+0800", "2022-10-08T09:30:00.1234567891Z",
            "2022-10-08 09:30:00Z", "2023-12-31T10:00:00.Z", "2022-10-08T09:30:00+08:00[Asia/Shanghai]", "+12022-10-08T09:30:00Z"})
    void otherFormsAreLeftToTheStockReaders(String text) throws Exception {
        assertNull(IsoTimes.parse(text));
        assertSame(STOCK, EventCodec.mapper(), text, OffsetDateTime.class);
        assertSame(STOCK, EventCodec.mapper(), text, Instant.class);
    }

    /** Out of range or not a time: no value, and the stock reader's error. */
    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2023-13-01T10:00:00Z", "2023-12-31T24:00:00Z",
            "2023-12-31T10:60:00Z", "2023-12-31T10:00:60Z", "2023-12-31T10:00:00+19:00", "2023-12-31T10:00:00+08:60",
            "2023-1x-31T10:00:00Z", "yesterday at noon, or so"})
    void badTimesFailAsTheStockReadersFail(String text) {
        assertNull(IsoTimes.parse(text));
        Exception stock = assertThrows(Exception.class, () -> read(STOCK, text, OffsetDateTime.class));
        Exception fast = assertThrows(Exception.class, () -> read(EventCodec.mapper(), text, OffsetDateTime.class));
        assertEquals(stock.getClass(), fast.getClass());
    }

    @Test
    void randomTimesAsTheWritersWriteThemReadTheSame() throws Exception {
        Random random = new Random(20231231);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(2_000_000_000),
                            random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800));
            String iso = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertEquals(time, IsoTimes.parse(iso), iso);
            String written = EventCodec.mapper().writeValueAsString(time);
            assertEquals(STOCK.readValue(written, OffsetDateTime.class), EventCodec.mapper().readValue(written, OffsetDateTime.class));
            String instant = EventCodec.mapper().writeValueAsString(time.toInstant());
            assertEquals(time.toInstant(), EventCodec.mapper().readValue(instant, Instant.class), instant);
        }
    }

    private static <T> T read(ObjectMapper mapper, String text, Class<T> type) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(text), type);
    }

    private static <T> void assertSame(ObjectMapper stock, ObjectMapper fast, String text, Class<T> type) {
        Object expected;
        try {
            expected = read(stock, text, type);
        } catch (Exception e) {
            assertThrows(e.getClass(), () -> read(fast, text, type));
            return;
        }
        try {
            assertEquals(expected, read(fast, text, type));
        } catch (Exception e) {
            throw new AssertionError(text + ": the stock reader read it, the codec's did not", e);
        }
    }
}

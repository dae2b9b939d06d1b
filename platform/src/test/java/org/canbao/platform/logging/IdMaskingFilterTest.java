package org.canbao.platform.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.logging.json.runtime.JsonFormatter;
import java.time.LocalDate;
import java.util.logging.Level;
import org.canbao.contracts.IdNumber;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

/**
 * The filter sits on the console handler, before its formatter: a line comes out masked and without a stack trace
 * whether the handler writes text (dev, test, local) or JSON (prod).
 */
class IdMaskingFilterTest {
    private static final IdNumber ZHANG = IdNumber.of("430626", LocalDate.of(1961, 3, 14), 21);

    private static ExtLogRecord failure() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "batch line for %s failed", ExtLogRecord.FormatStyle.PRINTF,
                IdMaskingFilterTest.class.getName());
        record.setParameters(new Object[] {ZHANG.value()});
        record.setLoggerName("org.canbao.test");
        record.setThrown(new IllegalStateException("duplicate key (id_number)=(" + ZHANG.value() + ")"));
        return record;
    }

    @Test
    void aJsonLineCarriesNoFullIdNumberAndNoStackTrace() {
        ExtLogRecord record = failure();
        assertTrue(new IdMaskingFilter(false).isLoggable(record));
        String json = new JsonFormatter().format(record);
        assertFalse(json.contains(ZHANG.value()), json);
        assertTrue(json.contains(ZHANG.masked()), json);
        assertTrue(json.contains("IllegalStateException: duplicate key"), json);
        assertFalse(json.contains("\"stackTrace\"") || json.contains("\"exception\""), json);
        assertFalse(json.contains("IdMaskingFilterTest.failure("), "no frame of the stack: " + json);
    }

    @Test
    void aTextLineIsMaskedTheSameWay() {
        ExtLogRecord record = failure();
        new IdMaskingFilter(false).isLoggable(record);
        String text = new PatternFormatter("%s%e").format(record);
        assertFalse(text.contains(ZHANG.value()), text);
        assertTrue(text.contains(ZHANG.masked()), text);
    }
}

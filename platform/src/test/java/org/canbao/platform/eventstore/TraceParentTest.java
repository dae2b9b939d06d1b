package org.canbao.platform.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

/** An event stored in a request's trace is sent in that trace; one stored outside any trace carries none. */
class TraceParentTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void theAppendingSpanIsWhatTheSendContinues() {
        Span request = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        String stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = TraceParent.current();
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", stored);
        SpanContext continued = Span.fromContext(TraceParent.context(stored)).getSpanContext();
        assertEquals(TRACE, continued.getTraceId());
        assertEquals(SPAN, continued.getSpanId());
        assertEquals(true, continued.isRemote());
    }

    @Test
    void outsideATraceNothingIsStoredAndNothingContinued() {
        assertNull(TraceParent.current());
        assertNull(TraceParent.context(null));
    }
}

package org.canbao.platform.eventstore;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * The outbox's link in a trace: the W3C {@code traceparent} of the span an event was appended in, stored with the
 * event, and the context the relay's send continues from it.
 */
final class TraceParent {
    private static final String HEADER = "traceparent";
    private static final TextMapGetter<String> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent, or null when there is none (tracing off, no request). */
    static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    /** The context to continue, or null when the event was appended outside a trace. */
    static Context context(String traceParent) {
        return traceParent == null ? null
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, GETTER);
    }
}

package org.districtledger.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A W3C trace context as the ledger carries it from a change to what follows from it: taken from the current span when
 * an event is written to the outbox, stored with the row, sent as the event's CloudEvents {@code traceparent}
 * extension, and read back by the consumer that applies it. Tracing off ({@code LEDGER_OTLP_ENDPOINT} unset), there is
 * no current span and nothing is carried.
 */
public final class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private TraceContext() {}

    /** The current span's {@code traceparent}, or {@code null} when no span is being recorded. */
    public static String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * The context a {@code traceparent} names, as the parent of what is done with the event; the root context when it
     * is absent or not a valid W3C {@code traceparent} (a record from another system may carry anything: a trace
     * context only links spans, it grants nothing).
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.length() > 128) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_VALUE);
    }

    /** The trace id a {@code traceparent} names, or {@code null} when it names none. */
    public static String traceId(String traceparent) {
        SpanContext span = Span.fromContext(parent(traceparent)).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}

package org.districtledger.tracker.project;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.districtledger.runtime.tracing.TraceContext;

/**
 * The tracker's own spans, each in the trace of the change it follows from: applying an event continues the trace
 * the event came with (its {@code traceparent}), and evaluating a project's flags continues the event that changed
 * the project, so that a flag's alert carries the trace of the weekly report that raised it. No-ops while tracing is
 * off.
 */
@ApplicationScoped
public class EventTracing {

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A span for applying this event, child of the context it came with. */
    Span applying(ProjectEvent event) {
        return tracer.spanBuilder("apply " + event.type())
                .setParent(TraceContext.parent(event.traceparent()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("ledger.project.code", event.code())
                .setAttribute("ledger.event.sequence", event.sequence())
                .setAttribute("cloudevents.event_id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    /** A span for evaluating a project's flags, child of the change that made it evaluated (or a trace of its own). */
    public Span evaluating(String code, Context cause) {
        return tracer.spanBuilder("evaluate flags")
                .setParent(cause == null ? Context.root() : cause)
                .setAttribute("ledger.project.code", code)
                .startSpan();
    }
}

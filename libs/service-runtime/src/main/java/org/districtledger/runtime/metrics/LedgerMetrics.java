package org.districtledger.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger's own metrics that count things as they happen (Prometheus names in brackets): records sent to a
 * dead-letter topic by topic and reason ({@code ledger_dead_letters_total}), events applied by their outcome
 * ({@code ledger_events_applied_total}), ledger imports by how they ended ({@code ledger_imports_total}). Gauges of
 * state (outbox, parked projects, open flags) are registered where the state is.
 */
@ApplicationScoped
public class LedgerMetrics {

    private final MeterRegistry registry;

    public LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A record went to a dead-letter topic; its reason is counted by kind, so that the tags stay few. */
    public void deadLetter(String topic, String reason) {
        Counter.builder("ledger.dead.letters")
                .description("Records sent to a dead-letter topic, by the topic they came from and the kind of reason")
                .tag("topic", topic)
                .tag("reason", kind(reason))
                .register(registry)
                .increment();
    }

    public void eventsApplied(String outcome, int count) {
        Counter.builder("ledger.events.applied")
                .description("Events a consumer took, by what became of them")
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    public void importFinished(String status) {
        Counter.builder("ledger.imports")
                .description("Ledger imports, by how they ended")
                .tag("status", status)
                .register(registry)
                .increment();
    }

    /** The kind of a dead letter's reason: few and fixed, whatever the text. */
    static String kind(String reason) {
        String text = reason == null ? "" : reason;
        if (text.contains("ce_source")) {
            return "foreign-source";
        }
        if (text.startsWith("cannot be applied")) {
            return "cannot-apply";
        }
        if (text.contains("ce_") || text.contains("header")) {
            return "not-a-cloudevent";
        }
        return "unreadable";
    }
}

package org.districtledger.tracker.project;

import io.opentelemetry.context.Context;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Fired, in the transaction of the change, when the tracker's knowledge of projects changed (their events were
 * applied, their assignment changed): whatever watches projects, the flag rules above all, looks at them again
 * as of {@code asOf} before the transaction commits.
 *
 * @param causes by project, the trace context of the event that changed it, where it came with one
 */
public record ProjectsChanged(Set<String> codes, LocalDate asOf, Map<String, Context> causes) {

    public ProjectsChanged(Set<String> codes, LocalDate asOf) {
        this(codes, asOf, Map.of());
    }
}

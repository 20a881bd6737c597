package org.districtledger.tracker.project;

import java.time.LocalDate;
import java.util.Set;

/**
 * Fired, in the transaction of the change, when the tracker's knowledge of projects changed (their events were
 * applied, their assignment changed): whatever watches projects, the flag rules above all, looks at them again
 * as of {@code asOf} before the transaction commits.
 */
public record ProjectsChanged(Set<String> codes, LocalDate asOf) {}

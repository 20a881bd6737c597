package org.districtledger.tracker.project;

import java.time.Instant;

/**
 * A project whose events wait for a missing one.
 *
 * @param code the ledger code
 * @param missingSequence the sequence number it waits for
 * @param firstParkedSequence the lowest sequence number waiting
 * @param eventsParked how many events wait
 * @param parkedSince when the first of them came
 */
public record ParkedProject(
        String code, long missingSequence, long firstParkedSequence, int eventsParked, Instant parkedSince) {}

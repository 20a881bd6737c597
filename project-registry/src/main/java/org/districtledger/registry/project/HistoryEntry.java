package org.districtledger.registry.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One change in a project's history, as the API shows it. */
public record HistoryEntry(long sequence, String action, String actor, Instant at, JsonNode before, JsonNode after) {}

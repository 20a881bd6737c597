package org.districtledger.registry.reminder;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A reminder as the workspace's inbox shows it. */
public record ReminderView(
        String code,
        String taskForce,
        String isoWeek,
        int itemCount,
        JsonNode projects,
        Instant createdAt,
        String robotStatus,
        Instant sentAt) {}

package org.districtledger.tracker.assignment;

import java.time.Instant;

/** A project's assignment as the API and the alerts show it. */
public record AssignmentView(
        String projectCode,
        String projectName,
        AssignmentRequest.Leader leader,
        AssignmentRequest.TaskForce taskForce,
        long version,
        String changedBy,
        Instant changedAt) {}

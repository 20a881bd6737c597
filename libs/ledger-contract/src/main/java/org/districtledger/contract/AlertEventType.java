package org.districtledger.contract;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents types the tracker publishes on {@code ledger.tracker-alerts}; each has a schema of the same name. */
public enum AlertEventType {
    FLAG_RAISED("ledger.flag.raised.v1"),
    FLAG_ESCALATED("ledger.flag.escalated.v1"),
    /** A red flag back to yellow: the same flag, still open since the day it was raised. */
    FLAG_DEESCALATED("ledger.flag.deescalated.v1"),
    FLAG_CLEARED("ledger.flag.cleared.v1"),
    /** A project's leader and task force (包联); the registry learns from it who may report on the project. */
    ASSIGNMENT_CHANGED("ledger.assignment.changed.v1");

    private final String cloudEventType;

    AlertEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public static Optional<AlertEventType> of(String cloudEventType) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(cloudEventType))
                .findFirst();
    }
}

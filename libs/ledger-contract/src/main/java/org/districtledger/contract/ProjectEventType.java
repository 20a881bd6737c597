package org.districtledger.contract;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents types the registry publishes on {@code ledger.project-events}; each has a schema of the same name. */
public enum ProjectEventType {
    REGISTERED("ledger.project.registered.v1"),
    /** Fields of a project edited, each with its old and new value. */
    UPDATED("ledger.project.updated.v2"),
    /**
     * Fields edited, named without their values: written until v2 took its place, still in the topic's history and
     * still read (a replay from the start meets it); no longer written.
     */
    @Deprecated
    UPDATED_V1("ledger.project.updated.v1", false),
    CONVERTED("ledger.project.converted.v1"),
    PROGRESS_REPORTED("ledger.project.progress-reported.v1"),
    PROCEDURE_UPDATED("ledger.project.procedure-updated.v1"),
    MILESTONE_REACHED("ledger.project.milestone-reached.v1"),
    PROBLEM_RAISED("ledger.project.problem-raised.v1"),
    PROBLEM_RESOLVED("ledger.project.problem-resolved.v1"),
    PROBLEM_COMMENTED("ledger.project.problem-commented.v1"),
    PHOTO_ADDED("ledger.project.photo-added.v1");

    /** What every type of a project event starts with. */
    public static final String PREFIX = "ledger.project.";

    private final String cloudEventType;
    private final boolean written;

    ProjectEventType(String cloudEventType) {
        this(cloudEventType, true);
    }

    ProjectEventType(String cloudEventType, boolean written) {
        this.cloudEventType = cloudEventType;
        this.written = written;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** Whether the registry writes events of this type now; one it no longer writes is still read. */
    public boolean written() {
        return written;
    }

    /** The type named by a record's {@code ce_type}, if the registry publishes one of that name. */
    public static Optional<ProjectEventType> of(String cloudEventType) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(cloudEventType))
                .findFirst();
    }
}

package org.districtledger.registry.outbox;

/** The CloudEvents types the registry publishes on {@code ledger.project-events}. */
public enum ProjectEventType {
    REGISTERED("ledger.project.registered.v1"),
    UPDATED("ledger.project.updated.v1"),
    CONVERTED("ledger.project.converted.v1"),
    PROGRESS_REPORTED("ledger.project.progress-reported.v1"),
    PROCEDURE_UPDATED("ledger.project.procedure-updated.v1"),
    MILESTONE_REACHED("ledger.project.milestone-reached.v1"),
    PROBLEM_RAISED("ledger.project.problem-raised.v1"),
    PROBLEM_RESOLVED("ledger.project.problem-resolved.v1");

    private final String cloudEventType;

    ProjectEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}

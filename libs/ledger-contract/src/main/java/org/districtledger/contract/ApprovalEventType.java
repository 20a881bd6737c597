package org.districtledger.contract;

/** The CloudEvents types the approval bureau publishes on {@code ledger.approval-events}. */
public enum ApprovalEventType {
    /** A permit of a project's checklist granted (审批通过). */
    GRANTED("ledger.approval.granted.v1");

    private final String cloudEventType;

    ApprovalEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}

package org.districtledger.contract;

/** Where a permit stands. */
public enum ProcedureStatus implements Labelled {
    NOT_STARTED("未启动"),
    IN_PROGRESS("办理中"),
    DONE("已办结"),
    NOT_REQUIRED("无需办理");

    private final String label;

    ProcedureStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Done or not needed: nothing is waited for. */
    public boolean settled() {
        return this == DONE || this == NOT_REQUIRED;
    }
}

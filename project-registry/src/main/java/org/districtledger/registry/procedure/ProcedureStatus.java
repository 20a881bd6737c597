package org.districtledger.registry.procedure;

/** Where a permit stands. */
public enum ProcedureStatus {
    NOT_STARTED, IN_PROGRESS, DONE, NOT_REQUIRED
}

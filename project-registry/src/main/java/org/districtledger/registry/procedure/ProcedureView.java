package org.districtledger.registry.procedure;

import org.districtledger.contract.ProcedureStatus;
import org.districtledger.contract.ProcedureType;

import java.time.Instant;
import java.time.LocalDate;

/** A permit on the checklist; one that was never touched shows as NOT_STARTED. */
public record ProcedureView(
        ProcedureType type,
        String label,
        ProcedureStatus status,
        LocalDate targetDate,
        LocalDate doneDate,
        String authority,
        String approvalNumber,
        String updatedBy,
        Instant updatedAt) {

    static ProcedureView of(ProcedureItem item) {
        return new ProcedureView(
                item.type,
                item.type.label(),
                item.status,
                item.targetDate,
                item.doneDate,
                item.authority,
                item.approvalNumber,
                item.updatedBy,
                item.updatedAt);
    }

    static ProcedureView notStarted(ProcedureType type) {
        return new ProcedureView(type, type.label(), ProcedureStatus.NOT_STARTED, null, null, null, null, null, null);
    }
}

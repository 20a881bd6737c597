package org.districtledger.registry.procedure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.districtledger.contract.ProcedureStatus;

import java.time.LocalDate;

/** The new state of one permit; {@code doneDate} goes with DONE and only with it. */
public record ProcedureUpdate(
        @NotNull ProcedureStatus status,
        LocalDate targetDate,
        LocalDate doneDate,
        @Size(max = 100) String authority,
        @Size(max = 100) String approvalNumber) {}

package org.districtledger.registry.milestone;

import jakarta.validation.constraints.NotNull;
import org.districtledger.contract.MilestoneType;

import java.time.LocalDate;

/** A milestone reached on a date. */
public record MilestoneRequest(
        @NotNull MilestoneType type, @NotNull LocalDate date) {}

package org.districtledger.registry.milestone;

import org.districtledger.contract.MilestoneType;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A milestone reached on a date. */
public record MilestoneRequest(@NotNull MilestoneType type, @NotNull LocalDate date) {
}

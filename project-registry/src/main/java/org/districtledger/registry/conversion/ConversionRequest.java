package org.districtledger.registry.conversion;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.districtledger.contract.Pool;

import java.time.LocalDate;

/**
 * A move of a project to another pool (项目转化).
 *
 * @param to the pool it moves to
 * @param date when it moved (default: today)
 * @param reason why; required for a skip, a move back, a suspension or a cancellation
 * @param startDate the start date, when it enters BUILDING without one
 * @param plannedStart the planned start date, when it enters PREPARING without one in its plan year
 */
public record ConversionRequest(
        @NotNull Pool to,
        LocalDate date,
        @Size(max = 500) String reason,
        LocalDate startDate,
        LocalDate plannedStart) {}

package org.districtledger.registry.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A problem to raise: what, for which department, since when (default: today), and by when it should be solved. */
public record NewProblem(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 100) String department,
        LocalDate raisedOn,
        LocalDate dueDate) {}

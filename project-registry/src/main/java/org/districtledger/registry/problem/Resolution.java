package org.districtledger.registry.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** How a problem was solved, and when (default: today). */
public record Resolution(@NotBlank @Size(max = 2000) String note, LocalDate resolvedOn) {}

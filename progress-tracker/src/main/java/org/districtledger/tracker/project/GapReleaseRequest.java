package org.districtledger.tracker.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator gives the missing events of a parked project up for lost (kept in the audit trail). */
public record GapReleaseRequest(@NotBlank @Size(max = 500) String reason) {}

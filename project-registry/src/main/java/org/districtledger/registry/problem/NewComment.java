package org.districtledger.registry.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment to add to a problem. */
public record NewComment(@NotBlank @Size(max = 1000) String body) {}

package org.districtledger.registry.progress;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.districtledger.contract.SiteStatus;

import java.math.BigDecimal;

/**
 * What a task force reports for one project and week. Cumulative figures are the registry's to compute.
 *
 * @param investmentCompleted investment completed that week, 万元
 * @param imageProgressPercent image progress (形象进度) in percent
 * @param imageProgressNote a sentence on the image progress
 * @param problemsRaised problems raised that week, as the task force writes them
 */
public record ProgressRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal investmentCompleted,

        @NotNull @Min(0) @Max(100) Integer imageProgressPercent,
        @Size(max = 500) String imageProgressNote,
        @NotNull SiteStatus siteStatus,
        @Size(max = 2000) String problemsRaised) {}

package org.districtledger.registry.progress;

import org.districtledger.contract.SiteStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A weekly report with the cumulative figures the registry computes.
 *
 * @param cumulativeInvestmentYear investment completed from the first week of the report's year to this week
 * @param cumulativeInvestment investment completed in all weeks up to this one
 */
public record ProgressView(
        String projectCode,
        String isoWeek,
        LocalDate weekStart,
        BigDecimal investmentCompleted,
        BigDecimal cumulativeInvestmentYear,
        BigDecimal cumulativeInvestment,
        int imageProgressPercent,
        String imageProgressNote,
        SiteStatus siteStatus,
        String problemsRaised,
        int revision,
        String reportedBy,
        Instant reportedAt) {}

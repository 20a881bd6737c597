package org.districtledger.tracker.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Conversion analytics (项目转化分析) of a year up to a day: by pool and quarter, by the quarter projects entered a
 * pool (cohorts), and the key conversion projects against their targets. Days are calendar days; a percentile is the
 * nearest-rank one (the smallest dwell that at least that share of conversions did not exceed); a rate with nothing
 * to divide by is {@code null}.
 */
public record ConversionFigures(
        int year,
        LocalDate asOf,
        List<DwellLimit> limits,
        List<QuarterFigures> quarters,
        List<Cohort> cohorts,
        KeyConversions keyConversions) {

    /** A pool's dwell limits as the 转化停滞 rule has them. */
    public record DwellLimit(String pool, int yellowDays, int redDays) {}

    /**
     * One pool in one quarter, up to the as-of day: the projects it held at the quarter's start and took in during
     * it; those converted on (to a later pool) and those that left otherwise (moved back, suspended, cancelled);
     * those still in it at the end; {@code conversionRate} = converted / (atStart + entered); the dwell of the
     * conversions of the quarter; and of those still in it at the end, those beyond the yellow and red dwell limits.
     */
    public record QuarterFigures(
            String pool,
            String quarter,
            LocalDate from,
            LocalDate to,
            long atStart,
            long entered,
            long converted,
            long leftOtherwise,
            long remaining,
            BigDecimal conversionRate,
            Long medianDwellDays,
            Long p90DwellDays,
            long beyondYellowLimit,
            long beyondRedLimit) {}

    /**
     * The projects that entered a pool in one quarter ({@code entryQuarter} 2023Q1; {@code EARLIER} for all before
     * the year before), followed to the as-of day: converted, left otherwise, still there.
     */
    public record Cohort(
            String pool,
            String entryQuarter,
            String label,
            long entered,
            long converted,
            long leftOtherwise,
            long remaining,
            BigDecimal conversionRate,
            Long medianDwellDays) {}

    /** The key conversion projects (重点转化项目) against their targets, with the counts by status. */
    public record KeyConversions(
            long total,
            long reachedOnTime,
            long reachedLate,
            long notYetDue,
            long overdue,
            long withoutTarget,
            List<KeyConversionLine> projects) {}

    /**
     * A key conversion project: its pool on the as-of day, its target pool and date, the day it reached the target
     * (and has stayed there or beyond), its status (ON_TIME, LATE, DUE, OVERDUE, NO_TARGET) and the days late.
     */
    public record KeyConversionLine(
            String code,
            String name,
            String pool,
            String targetPool,
            LocalDate targetDate,
            LocalDate reachedOn,
            String status,
            String statusLabel,
            Long daysLate) {}
}

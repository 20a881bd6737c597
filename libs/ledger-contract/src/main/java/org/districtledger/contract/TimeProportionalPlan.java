package org.districtledger.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 序时进度: the share of a year's planned investment due by a day, in proportion to the days of the plan year gone
 * by (1 January counts as one day). One definition for the flag rules, the weekly view and the sample's simulator.
 */
public final class TimeProportionalPlan {

    private TimeProportionalPlan() {}

    /** Days of {@code year} elapsed up to and including {@code day}: 0 before the year, the year's length after it. */
    public static long daysElapsed(int year, LocalDate day) {
        LocalDate start = LocalDate.of(year, 1, 1);
        if (day.isBefore(start)) {
            return 0;
        }
        return Math.min(ChronoUnit.DAYS.between(start, day) + 1, start.lengthOfYear());
    }

    /**
     * A project's own 序时进度: the share of its annual plan due by {@code day}, in proportion to the days from its
     * start (or 1 January, whichever is later; that day counts as one) to {@code day}, over the days from then to
     * 31 December. A project that starts in June owes nothing for January to May.
     */
    public static BigDecimal due(BigDecimal annualPlan, int year, LocalDate start, LocalDate day) {
        LocalDate from = from(year, start);
        long span = ChronoUnit.DAYS.between(from, LocalDate.of(year, 12, 31)) + 1;
        if (span <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return annualPlan
                .multiply(BigDecimal.valueOf(daysElapsed(year, start, day)))
                .divide(BigDecimal.valueOf(span), 2, RoundingMode.HALF_UP);
    }

    /** Days of the project's own plan elapsed by {@code day}: from its start or 1 January, whichever is later. */
    public static long daysElapsed(int year, LocalDate start, LocalDate day) {
        LocalDate from = from(year, start);
        LocalDate end = LocalDate.of(year, 12, 31);
        if (day.isBefore(from) || from.isAfter(end)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(from, day.isAfter(end) ? end : day) + 1;
    }

    /** The first day of a project's plan in {@code year}: its start, or 1 January if it started before. */
    public static LocalDate from(int year, LocalDate start) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return start == null || start.isBefore(first) ? first : start;
    }

    /** The investment due by {@code day} of an annual plan for {@code year}, in 万元 to the fen (two places, half up). */
    public static BigDecimal due(BigDecimal annualPlan, int year, LocalDate day) {
        int days = LocalDate.of(year, 1, 1).lengthOfYear();
        return annualPlan
                .multiply(BigDecimal.valueOf(daysElapsed(year, day)))
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }
}

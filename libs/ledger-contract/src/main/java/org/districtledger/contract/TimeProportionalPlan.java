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

    /** The investment due by {@code day} of an annual plan for {@code year}, in 万元 to the fen (two places, half up). */
    public static BigDecimal due(BigDecimal annualPlan, int year, LocalDate day) {
        int days = LocalDate.of(year, 1, 1).lengthOfYear();
        return annualPlan
                .multiply(BigDecimal.valueOf(daysElapsed(year, day)))
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }
}

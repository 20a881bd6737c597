package org.districtledger.contract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2023-W18}: Monday to Sunday, week 1 holds the year's first Thursday. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has weeks 1 to " + weeks);
        }
    }

    /** Reads {@code YYYY-Www}, or refuses it with a problem naming {@code field}. */
    public static IsoWeek parse(String text, String field) {
        Matcher m = text == null ? null : SHAPE.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidValueException(field, "must be an ISO week such as 2023-W18, not " + text);
        }
        try {
            return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static int weeksIn(int year) {
        return (int) LocalDate.of(year, 6, 1)
                .range(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                .getMaximum();
    }

    /** The Monday that starts the week. */
    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format("%d-W%02d", year, week);
    }
}

package org.districtledger.tracker.clock;

import java.time.LocalDate;

/**
 * The business clock.
 *
 * @param today the business date
 * @param set whether the clock was set to a date (false: it follows the calendar)
 */
public record ClockView(LocalDate today, boolean set) {}

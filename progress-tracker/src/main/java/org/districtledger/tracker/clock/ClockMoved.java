package org.districtledger.tracker.clock;

import java.time.LocalDate;

/** Fired after the business clock was set (or reset to the calendar) and the change committed. */
public record ClockMoved(LocalDate today) {}

package org.districtledger.tracker.clock;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The date to work as of. */
public record ClockSetting(@NotNull LocalDate asOf) {}

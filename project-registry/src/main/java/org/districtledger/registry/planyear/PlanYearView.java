package org.districtledger.registry.planyear;

import java.math.BigDecimal;
import java.time.Instant;

/** A plan year: open or closed (when, by whom), with its projects and annual plan (万元). */
public record PlanYearView(
        int year,
        String status,
        Instant openedAt,
        Instant closedAt,
        String closedBy,
        long projects,
        BigDecimal annualPlanInvestment) {}

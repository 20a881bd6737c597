package org.districtledger.registry.planyear;

import java.math.BigDecimal;

/** A project's plan for one year: its annual planned investment (万元), target, and whether it was carried over. */
public record YearPlanView(int planYear, BigDecimal annualPlanInvestment, String annualTarget, boolean carriedOver) {}

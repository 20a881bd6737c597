package org.districtledger.registry.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The ledger's figures for a plan year, as the 2023 plan report states them. Money in 万元.
 *
 * @param asOf the day the ledger is taken as it stood (the projects admitted by then, in the pools they were in), or
 *     {@code null} for as it stands
 * @param underConstructionAndNewStarts carried-over and new starts (结转在建和计划新开工): BUILDING and PREPARING,
 *                                      with the projects that have since completed or gone into production
 * @param planning planning projects (谋划项目): RESERVE and PLANNING
 * @param cityKeyProjects projects also on the city ledger (市级重点项目), by any city category
 * @param annualPlanOver100Million annual plan over 1亿元 (10,000万元)
 * @param keyConversionOver1Billion key conversion projects with a total over 10亿元 (100,000万元)
 */
public record LedgerSummary(
        int year,
        LocalDate asOf,
        Figures projects,
        Map<String, Figures> byPool,
        Figures underConstructionAndNewStarts,
        Figures planning,
        Figures cityKeyProjects,
        Map<String, Figures> byCityCategory,
        Figures annualPlanOver100Million,
        Figures totalOver1Billion,
        Figures keyConversionOver1Billion) {

    /** A count of projects with their total and annual plan investment. */
    public record Figures(long count, BigDecimal totalInvestment, BigDecimal annualPlanInvestment) {

        static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        Figures plus(BigDecimal total, BigDecimal annual) {
            return new Figures(count + 1, totalInvestment.add(total), annualPlanInvestment.add(annual));
        }
    }
}

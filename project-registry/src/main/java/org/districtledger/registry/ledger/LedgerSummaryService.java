package org.districtledger.registry.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.districtledger.contract.CityCategory;
import org.districtledger.contract.Pool;
import org.districtledger.registry.project.Project;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Counts and sums the ledger of a plan year. */
@ApplicationScoped
public class LedgerSummaryService {

    static final BigDecimal ONE_HUNDRED_MILLION = new BigDecimal("10000");
    static final BigDecimal ONE_BILLION = new BigDecimal("100000");

    /** The report's 谋划储备: the reserve and planning pools (the other side of the funnel from Pool::underWay). */
    private static final Set<Pool> PLANNING = EnumSet.of(Pool.RESERVE, Pool.PLANNING);

    public LedgerSummary summarize(int year) {
        Map<String, LedgerSummary.Figures> byPool = new LinkedHashMap<>();
        for (Pool pool : Pool.values()) {
            byPool.put(pool.name(), LedgerSummary.Figures.NONE);
        }
        Map<String, LedgerSummary.Figures> byCategory = new LinkedHashMap<>();
        for (CityCategory category : CityCategory.values()) {
            byCategory.put(category.name(), LedgerSummary.Figures.NONE);
        }
        LedgerSummary.Figures all = LedgerSummary.Figures.NONE;
        LedgerSummary.Figures started = LedgerSummary.Figures.NONE;
        LedgerSummary.Figures planning = LedgerSummary.Figures.NONE;
        LedgerSummary.Figures city = LedgerSummary.Figures.NONE;
        LedgerSummary.Figures bigAnnual = LedgerSummary.Figures.NONE;
        LedgerSummary.Figures bigTotal = LedgerSummary.Figures.NONE;
        LedgerSummary.Figures bigConversion = LedgerSummary.Figures.NONE;

        for (Project p : Project.<Project>list("planYear = ?1 and pool <> ?2", year, Pool.CANCELLED)) {
            BigDecimal total = p.totalInvestment;
            BigDecimal annual = p.annualPlanInvestment;
            all = all.plus(total, annual);
            byPool.merge(p.pool.name(), LedgerSummary.Figures.NONE.plus(total, annual), LedgerSummaryService::add);
            if (p.pool.underWay()) {
                started = started.plus(total, annual);
            }
            if (PLANNING.contains(p.pool)) {
                planning = planning.plus(total, annual);
            }
            if (p.cityCategory != null) {
                city = city.plus(total, annual);
                byCategory.merge(
                        p.cityCategory.name(),
                        LedgerSummary.Figures.NONE.plus(total, annual),
                        LedgerSummaryService::add);
            }
            if (annual.compareTo(ONE_HUNDRED_MILLION) > 0) {
                bigAnnual = bigAnnual.plus(total, annual);
            }
            if (total.compareTo(ONE_BILLION) > 0) {
                bigTotal = bigTotal.plus(total, annual);
                if (p.keyConversion) {
                    bigConversion = bigConversion.plus(total, annual);
                }
            }
        }
        return new LedgerSummary(
                year, all, byPool, started, planning, city, byCategory, bigAnnual, bigTotal, bigConversion);
    }

    private static LedgerSummary.Figures add(LedgerSummary.Figures a, LedgerSummary.Figures b) {
        return new LedgerSummary.Figures(
                a.count() + b.count(),
                a.totalInvestment().add(b.totalInvestment()),
                a.annualPlanInvestment().add(b.annualPlanInvestment()));
    }
}

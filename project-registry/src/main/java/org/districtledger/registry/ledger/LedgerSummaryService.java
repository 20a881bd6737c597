package org.districtledger.registry.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.districtledger.contract.CityCategory;
import org.districtledger.contract.Pool;
import org.districtledger.registry.conversion.Conversion;
import org.districtledger.registry.project.PlanYear;
import org.districtledger.registry.project.Project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Counts and sums the ledger of a plan year. */
@ApplicationScoped
public class LedgerSummaryService {

    private final ObjectMapper json;

    public LedgerSummaryService(ObjectMapper json) {
        this.json = json;
    }

    public static final BigDecimal ONE_HUNDRED_MILLION = new BigDecimal("10000");
    public static final BigDecimal ONE_BILLION = new BigDecimal("100000");

    /** The report's 谋划储备: the reserve and planning pools (the other side of the funnel from Pool::underWay). */
    private static final Set<Pool> PLANNING = EnumSet.of(Pool.RESERVE, Pool.PLANNING);

    /**
     * The ledger of a plan year as it stands, or as it stood on {@code asOf}: the projects admitted by that day, each
     * in the pool it was in then (conversions and milestones dated after it undone). The money figures are the
     * projects' own; they are not converted back.
     */
    public LedgerSummary summarize(int year, LocalDate asOf) {
        if (asOf == null) {
            Optional<PlanYear> closed = PlanYear.<PlanYear>findByIdOptional(year)
                    .filter(y -> PlanYear.CLOSED.equals(y.status) && y.summary != null);
            if (closed.isPresent()) {
                return archived(closed.get());
            }
        }
        return compute(year, asOf);
    }

    /** A closed year's summary as it stood when the year was rolled over. */
    private LedgerSummary archived(PlanYear closed) {
        try {
            return json.readValue(closed.summary, LedgerSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The summary kept for plan year " + closed.year + " does not read back", e);
        }
    }

    /**
     * The ledger of a plan year computed from the projects with a plan for it, each with that year's annual plan: a
     * project carried over into the next year stays in this one's with the plan it had.
     */
    public LedgerSummary compute(int year, LocalDate asOf) {
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

        Map<Long, Pool> poolsThen = asOf == null ? Map.of() : poolsOn(asOf);
        // the columns the figures need, not the projects as entities: a city's ledger is tens of thousands of rows
        List<Planned> planned = Project.getEntityManager()
                .createQuery(
                        "select p.id, p.pool, p.admittedOn, p.totalInvestment, y.annualPlanInvestment, p.cityCategory,"
                                + " p.keyConversion from Project p, ProjectYearPlan y"
                                + " where y.id.projectId = p.id and y.id.planYear = ?1 order by p.id",
                        Planned.class)
                .setParameter(1, year)
                .getResultList();
        for (Planned p : planned) {
            if (asOf != null && p.admittedOn().isAfter(asOf)) {
                continue;
            }
            Pool pool = poolsThen.getOrDefault(p.id(), p.pool());
            if (pool == Pool.CANCELLED) {
                continue;
            }
            BigDecimal total = p.totalInvestment();
            BigDecimal annual = p.annualPlanInvestment().setScale(2);
            all = all.plus(total, annual);
            byPool.merge(pool.name(), LedgerSummary.Figures.NONE.plus(total, annual), LedgerSummaryService::add);
            if (pool.underWay()) {
                started = started.plus(total, annual);
            }
            if (PLANNING.contains(pool)) {
                planning = planning.plus(total, annual);
            }
            if (p.cityCategory() != null) {
                city = city.plus(total, annual);
                byCategory.merge(
                        p.cityCategory().name(),
                        LedgerSummary.Figures.NONE.plus(total, annual),
                        LedgerSummaryService::add);
            }
            if (annual.compareTo(ONE_HUNDRED_MILLION) > 0) {
                bigAnnual = bigAnnual.plus(total, annual);
            }
            if (total.compareTo(ONE_BILLION) > 0) {
                bigTotal = bigTotal.plus(total, annual);
                if (Boolean.TRUE.equals(p.keyConversion())) {
                    bigConversion = bigConversion.plus(total, annual);
                }
            }
        }
        return new LedgerSummary(
                year, asOf, all, byPool, started, planning, city, byCategory, bigAnnual, bigTotal, bigConversion);
    }

    /** What the figures need of a project with a plan for the year, and that year's annual plan. */
    record Planned(
            Long id,
            Pool pool,
            LocalDate admittedOn,
            BigDecimal totalInvestment,
            BigDecimal annualPlanInvestment,
            CityCategory cityCategory,
            Boolean keyConversion) {}

    /** The pool of each project converted after the day: the one it left at its first conversion after it. */
    private static Map<Long, Pool> poolsOn(LocalDate day) {
        Map<Long, Pool> pools = new HashMap<>();
        for (Conversion c : Conversion.<Conversion>list("convertedOn > ?1 order by convertedOn, id", day)) {
            pools.putIfAbsent(c.projectId, c.fromPool);
        }
        return pools;
    }

    private static LedgerSummary.Figures add(LedgerSummary.Figures a, LedgerSummary.Figures b) {
        return new LedgerSummary.Figures(
                a.count() + b.count(),
                a.totalInvestment().add(b.totalInvestment()),
                a.annualPlanInvestment().add(b.annualPlanInvestment()));
    }
}

package org.districtledger.registry.planyear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectRules;
import org.districtledger.registry.access.ProjectAccess;
import org.districtledger.registry.ledger.LedgerSummaryService;
import org.districtledger.registry.progress.ProgressService;
import org.districtledger.registry.project.PlanYear;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectEdit;
import org.districtledger.registry.project.ProjectService;
import org.districtledger.registry.project.ProjectYearPlan;
import org.districtledger.registry.sheet.LedgerRows;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.sheet.LedgerSheetWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closes a plan year and opens the next (年度结转): the unfinished projects are carried over with the annual plans the
 * office sends in its plan sheet, the closed year keeps its plans, its summary and its ledger workbook exactly as they
 * stood, and the next year's accountability projects are selected by the thresholds. All or nothing; a dry run first.
 */
@ApplicationScoped
public class PlanYearService {

    /** Where a project is still under way: it goes on into the next year. Completed and cancelled ones stay. */
    static final Set<Pool> CARRIED =
            EnumSet.of(Pool.PLANNING, Pool.RESERVE, Pool.PREPARING, Pool.BUILDING, Pool.SUSPENDED);

    private final EntityManager entities;
    private final ProjectService projects;
    private final LedgerSummaryService summaries;
    private final ObjectMapper json;
    private final MonthDay rolloverFrom;

    public PlanYearService(
            EntityManager entities,
            ProjectService projects,
            LedgerSummaryService summaries,
            ObjectMapper json,
            @ConfigProperty(name = "ledger.plan-years.rollover-from") String rolloverFrom) {
        this.entities = entities;
        this.projects = projects;
        this.summaries = summaries;
        this.json = json;
        this.rolloverFrom = MonthDay.parse("--" + rolloverFrom);
    }

    @Transactional
    public List<PlanYearView> years() {
        List<PlanYearView> views = new ArrayList<>();
        for (PlanYear y : PlanYear.<PlanYear>list("order by year desc")) {
            Object[] sums = entities.createQuery(
                            "select count(y), coalesce(sum(y.annualPlanInvestment), 0) from ProjectYearPlan y"
                                    + " where y.id.planYear = ?1",
                            Object[].class)
                    .setParameter(1, y.year)
                    .getSingleResult();
            views.add(new PlanYearView(
                    y.year,
                    y.status,
                    y.openedAt,
                    y.closedAt,
                    y.closedBy,
                    ((Number) sums[0]).longValue(),
                    new BigDecimal(sums[1].toString()).setScale(2)));
        }
        return views;
    }

    /** The plan sheet of the year's rollover: its projects to carry over, next year's columns blank. */
    @Transactional
    public byte[] planSheet(int year) {
        requireOpen(year);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PlanSheet.write(year, carried(year), out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the plan sheet", e);
        }
        return out.toByteArray();
    }

    /** A project's plans, oldest year first. */
    @Transactional
    public List<YearPlanView> plansOf(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return ProjectYearPlan.<ProjectYearPlan>list("id.projectId = ?1 order by id.planYear", project.id).stream()
                .map(p -> new YearPlanView(
                        p.id.planYear(), p.annualPlanInvestment.setScale(2), p.annualTarget, p.carriedOver))
                .toList();
    }

    /** A closed year's ledger workbook as it stood when it closed. */
    @Transactional
    public byte[] closedLedger(int year) {
        PlanYear closed = PlanYear.findById(year);
        if (closed == null || !PlanYear.CLOSED.equals(closed.status) || closed.ledger == null) {
            throw HttpProblemException.notFound("Closed plan year", String.valueOf(year));
        }
        return closed.ledger;
    }

    /**
     * Rolls {@code year} over into the next with the plans of {@code sheet}; a dry run checks and tells what it would
     * do and changes nothing. Any wrong row refuses the whole sheet, naming every reason.
     */
    @Transactional
    public Rollover rollover(int year, byte[] sheet, boolean dryRun, String actor) {
        requireOpen(year);
        requireDue(year, rolloverFrom, LocalDate.now());
        PlanYear closing = entities.find(PlanYear.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (!PlanYear.OPEN.equals(closing.status)) {
            throw HttpProblemException.conflict("year", PlanYear.closedReason(year));
        }
        List<Project> carried = carried(year);
        Map<String, PlanSheet.PlanRow> rows = rows(year, PlanSheet.read(year, sheet), carried);

        List<Rollover.Carried> lines = new ArrayList<>();
        Map<Project, ProjectEdit> edits = new LinkedHashMap<>();
        BigDecimal nextTotal = BigDecimal.ZERO.setScale(2);
        for (Project p : carried) {
            PlanSheet.PlanRow row = rows.get(p.code);
            ProjectEdit now = ProjectEdit.of(p);
            LocalDate start = row.plannedStart() != null ? row.plannedStart() : p.plannedStart;
            ProjectEdit next = new ProjectEdit(
                    now.nationalCode(),
                    now.name(),
                    now.cityCategory(),
                    now.industryChain(),
                    now.town(),
                    now.ownerUnit(),
                    now.leadDepartment(),
                    year + 1,
                    now.totalInvestment(),
                    row.annualPlan(),
                    start,
                    now.plannedCompletion(),
                    now.fundingSources(),
                    now.fromBeijing(),
                    now.keyConversion(),
                    now.conversionTargetPool(),
                    now.conversionTargetDate());
            edits.put(p, next);
            nextTotal = nextTotal.add(row.annualPlan());
            lines.add(new Rollover.Carried(
                    p.code, p.name, p.pool.name(), p.annualPlanInvestment, row.annualPlan(), start, row.target()));
        }
        Rollover result = new Rollover(
                year,
                year + 1,
                dryRun,
                carried.size(),
                (int) Project.count("planYear = ?1", year) - carried.size(),
                nextTotal,
                lines,
                accountability(year, edits));
        if (dryRun) {
            return result;
        }

        // the closed year as it stands, kept before anything of it moves
        closing.summary = write(summaries.compute(year, null));
        closing.ledger = ledger(year);
        closing.status = PlanYear.CLOSED;
        closing.closedAt = Instant.now();
        closing.closedBy = actor;
        entities.flush();
        PlanYear next = new PlanYear();
        next.year = year + 1;
        next.status = PlanYear.OPEN;
        next.openedAt = closing.closedAt;
        next.persist();
        entities.flush();

        for (Map.Entry<Project, ProjectEdit> edit : edits.entrySet()) {
            Project p = Project.lockByCode(edit.getKey().code);
            p.investmentCompletedPlanYear = ProgressService.completedIn(p, year + 1);
            projects.carryOver(p, edit.getValue(), actor);
        }
        entities.flush();
        for (Rollover.Carried line : lines) {
            entities.createQuery(
                            "update ProjectYearPlan y set y.annualTarget = ?1, y.carriedOver = true"
                                    + " where y.id.planYear = ?2 and y.id.projectId = (select p.id from Project p where p.code = ?3)")
                    .setParameter(1, line.annualTarget())
                    .setParameter(2, year + 1)
                    .setParameter(3, line.code())
                    .executeUpdate();
        }
        return result;
    }

    /**
     * A year is rolled over from a day late in it ({@code ledger.plan-years.rollover-from}, 1 December unless set):
     * closing the year the office works in by mistake in June would take its plans out of its hands.
     */
    static void requireDue(int year, MonthDay from, LocalDate today) {
        LocalDate opens = from.atYear(year);
        if (today.isBefore(opens)) {
            throw HttpProblemException.conflict(
                    "year",
                    year + " 年度自 " + opens + " 起方可结转 / plan year " + year + " can be rolled over from " + opens);
        }
    }

    private static void requireOpen(int year) {
        Integer open = PlanYear.open().map(y -> y.year).orElse(null);
        if (open == null || open != year) {
            throw HttpProblemException.conflict(
                    "year",
                    open == null
                            ? "台账上还没有计划年度 / the ledger has no plan year yet"
                            : "只能结转当前计划年度 " + open + "，不是 " + year + " / only the current plan year " + open
                                    + " can be rolled over");
        }
    }

    /** The year's projects still under way, by code. */
    private static List<Project> carried(int year) {
        return Project.<Project>list("planYear = ?1 and pool in ?2 order by code", year, CARRIED);
    }

    /** The sheet's rows by code, every wrong or missing one named; the rules of the ledger hold for the new plans. */
    private static Map<String, PlanSheet.PlanRow> rows(int year, PlanSheet.Read read, List<Project> carried) {
        Map<String, Project> byCode = new LinkedHashMap<>();
        carried.forEach(p -> byCode.put(p.code, p));
        Map<String, PlanSheet.PlanRow> rows = new LinkedHashMap<>();
        List<HttpProblem.FieldError> errors = new ArrayList<>(read.errors());
        for (PlanSheet.PlanRow row : read.rows()) {
            String at = "rows[" + row.line() + "].";
            String where = "第 " + row.line() + " 行（" + row.code() + "）：";
            Project p = byCode.get(row.code());
            if (p == null) {
                Project other = Project.findByCode(row.code());
                errors.add(new HttpProblem.FieldError(
                        at + "code",
                        where
                                + (other == null
                                        ? "台账编号不在台账上 / not a project on the ledger"
                                        : "项目不结转（" + other.pool.label() + "，计划年度 " + other.planYear
                                                + "） / not carried over from " + year)));
                continue;
            }
            if (rows.containsKey(row.code())) {
                errors.add(new HttpProblem.FieldError(
                        at + "code",
                        where + "与第 " + rows.get(row.code()).line() + " 行重复 / the project is on two rows"));
                continue;
            }
            rows.put(row.code(), row);
            if (!row.readable()) {
                continue;
            }
            if (row.annualPlan() == null) {
                errors.add(new HttpProblem.FieldError(
                        at + "annualPlanInvestment", where + "未填 " + (year + 1) + " 年度计划投资 / required"));
                continue;
            }
            LocalDate start = row.plannedStart() != null ? row.plannedStart() : p.plannedStart;
            for (ProjectRules.Violation v : ProjectRules.values(
                    p.pool, year + 1, p.totalInvestment, row.annualPlan(), start, p.plannedCompletion)) {
                errors.add(new HttpProblem.FieldError(at + v.field(), where + v.reasonZh() + " / " + v.reasonEn()));
            }
        }
        for (Project p : carried) {
            if (!rows.containsKey(p.code) && errors.size() < 1000) {
                errors.add(new HttpProblem.FieldError(
                        "rows",
                        "缺少 " + p.code + "（" + p.name + "）的 " + (year + 1)
                                + " 年度计划 / the project to carry over has no row"));
            }
        }
        if (!errors.isEmpty()) {
            throw HttpProblemException.invalidFields(errors);
        }
        return rows;
    }

    /**
     * The next year's accountability projects by the thresholds: the carried ones by their new plans, with those
     * already planned for the next year; against the leaders in place, and the leaders whose projects no longer need
     * one (completed, or below the thresholds).
     */
    private static Rollover.Accountability accountability(int year, Map<Project, ProjectEdit> edits) {
        Set<String> assigned = new HashSet<>();
        for (ProjectAccess access : ProjectAccess.<ProjectAccess>listAll()) {
            // a leader and a task force in place, whether or not the leader signs in to the ledger himself
            if (access.taskForce != null) {
                assigned.add(access.projectCode);
            }
        }
        Set<String> required = new HashSet<>();
        edits.forEach((p, next) -> {
            if (needs(next.annualPlanInvestment(), p.totalInvestment, p.keyConversion)) {
                required.add(p.code);
            }
        });
        for (Project p : Project.<Project>list("planYear = ?1 and pool in ?2", year + 1, CARRIED)) {
            if (needs(p.annualPlanInvestment, p.totalInvestment, p.keyConversion)) {
                required.add(p.code);
            }
        }
        List<String> toAssign = required.stream()
                .filter(code -> !assigned.contains(code))
                .sorted()
                .toList();
        Set<String> ofTheYear = new HashSet<>();
        Project.<Project>list("planYear = ?1", year).forEach(p -> ofTheYear.add(p.code));
        List<String> released = assigned.stream()
                .filter(code -> ofTheYear.contains(code) && !required.contains(code))
                .sorted()
                .toList();
        return new Rollover.Accountability(required.size(), required.size() - toAssign.size(), toAssign, released);
    }

    private static boolean needs(BigDecimal annual, BigDecimal total, boolean keyConversion) {
        return annual.compareTo(LedgerSummaryService.ONE_HUNDRED_MILLION) > 0
                || (keyConversion && total.compareTo(LedgerSummaryService.ONE_BILLION) > 0);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the closed year's summary", e);
        }
    }

    private static byte[] ledger(int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            LedgerSheetWriter.writeXlsx(LedgerRows.of(Project.<Project>list("planYear = ?1 order by code", year)), out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the closed year's ledger", e);
        }
        return out.toByteArray();
    }
}

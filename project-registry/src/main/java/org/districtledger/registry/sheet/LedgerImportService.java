package org.districtledger.registry.sheet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.districtledger.contract.CityCategory;
import org.districtledger.contract.FundingSource;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectRules;
import org.districtledger.registry.project.NewProject;
import org.districtledger.registry.project.PlanYear;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectEdit;
import org.districtledger.registry.project.ProjectService;
import org.districtledger.runtime.Failures;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.metrics.LedgerMetrics;
import org.districtledger.sheet.LedgerColumns;
import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetReader;
import org.districtledger.sheet.SheetError;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Imports the project office's ledger file: every row is checked first, by the sheet's layout and by the
 * ledger's rules, and every error reported at once; a file with any error imports nothing. Otherwise the rows
 * are applied in one transaction, as a job whose progress can be followed: a row with a ledger code or a
 * known national code (or, having neither, the name, town and year of a project without one) updates that
 * project, or changes nothing if it is as the ledger has it; any other row admits a new project.
 */
@ApplicationScoped
public class LedgerImportService {

    /** Seconds an import's transaction may take. */
    private static final int TIMEOUT_SECONDS = 1800;

    private static final Logger LOG = Logger.getLogger(LedgerImportService.class);
    /** Rows applied between two flushes of the session, and between two progress reports. */
    private static final int CHUNK = 250;

    /** The ledger's field names, as the sheet's columns say them. */
    /** What a row will do. */
    enum Action {
        CREATE,
        UPDATE,
        UNCHANGED
    }

    /** A checked row and what it will do to which project. */
    record Planned(LedgerRow row, Action action, String code) {}

    private final ProjectService projects;
    private final LedgerMetrics metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "ledger-import"));

    public LedgerImportService(ProjectService projects, LedgerMetrics metrics) {
        this.metrics = metrics;
        this.projects = projects;
    }

    /** Checks the file and tells what an import would do, changing nothing. */
    public ImportView dryRun(byte[] content) {
        List<Planned> plan = check(content);
        return new ImportView(
                null,
                "VALIDATED",
                true,
                plan.size(),
                0,
                count(plan, Action.CREATE),
                count(plan, Action.UPDATE),
                count(plan, Action.UNCHANGED),
                List.of(),
                Instant.now(),
                Instant.now());
    }

    /**
     * Checks the file, then imports it as a job running in the background; one import at a time, whichever replica
     * takes it (a second one while the first runs is a 409), and the file is matched against the ledger as the last
     * import left it.
     */
    public ImportView start(byte[] content, String actor) {
        record Started(ImportJob job, List<Planned> plan) {}
        Started started = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob.getEntityManager()
                    .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('ledger-import'))")
                    .getSingleResult();
            // a job left RUNNING by a service that stopped mid-import wrote nothing (one transaction): it failed
            ImportJob.update(
                    "status = ?1, failure = ?2, finishedAt = ?3 where status = ?4 and createdAt < ?5",
                    ImportJob.Status.FAILED,
                    "导入中断，未写入任何数据 / the import was interrupted and wrote nothing",
                    Instant.now(),
                    ImportJob.Status.RUNNING,
                    Instant.now().minusSeconds(TIMEOUT_SECONDS + 60));
            ImportJob running = ImportJob.<ImportJob>find("status", ImportJob.Status.RUNNING)
                    .firstResult();
            if (running != null) {
                throw HttpProblemException.conflict(
                        "import",
                        "an import of the ledger is running (" + running.id + ", " + running.rowsDone + " of "
                                + running.rowsTotal + " rows, by " + running.createdBy
                                + "); wait until it is done, then import again");
            }
            List<Planned> plan = check(content);
            ImportJob created = new ImportJob();
            created.id = UUID.randomUUID();
            created.status = ImportJob.Status.RUNNING;
            created.rowsTotal = plan.size();
            created.createdBy = actor;
            created.createdAt = Instant.now();
            created.persist();
            return new Started(created, plan);
        });
        worker.submit(() -> run(started.job().id, started.plan(), actor));
        return ImportView.of(started.job());
    }

    public Optional<ImportView> find(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>findByIdOptional(id).map(ImportView::of));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void run(UUID id, List<Planned> plan, String actor) {
        try {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                EntityManager entityManager = ImportJob.getEntityManager();
                for (int from = 0; from < plan.size(); from += CHUNK) {
                    apply(plan.subList(from, Math.min(from + CHUNK, plan.size())), actor);
                    // written, and let go of: the session stays the size of a chunk, whatever the file's
                    entityManager.flush();
                    entityManager.clear();
                    int progress = Math.min(from + CHUNK, plan.size());
                    if (progress < plan.size()) {
                        QuarkusTransaction.requiringNew()
                                .run(() -> ImportJob.update("rowsDone = ?1 where id = ?2", progress, id));
                    }
                }
                ImportJob job = ImportJob.findById(id);
                job.rowsDone = plan.size();
                job.created = count(plan, Action.CREATE);
                job.updated = count(plan, Action.UPDATE);
                job.unchanged = count(plan, Action.UNCHANGED);
                job.status = ImportJob.Status.DONE;
                job.finishedAt = Instant.now();
            });
            LOG.infof("Import %s: %d rows applied", id, plan.size());
            metrics.importFinished("done");
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory): the job must not be left RUNNING, and one transaction wrote nothing
            LOG.errorf(e, "Import %s failed; nothing of it was written", id);
            metrics.importFinished("failed");
            QuarkusTransaction.requiringNew()
                    .run(() -> ImportJob.update(
                            "status = ?1, failure = ?2, rowsDone = 0, finishedAt = ?3 where id = ?4",
                            ImportJob.Status.FAILED,
                            "导入失败，未写入任何数据 / the import failed and wrote nothing: " + Failures.rootMessage(e),
                            Instant.now(),
                            id));
        }
    }

    /** Applies a chunk of the plan: its new projects registered together, its changed ones locked together. */
    private void apply(List<Planned> chunk, String actor) {
        projects.registerAll(
                chunk.stream()
                        .filter(p -> p.action() == Action.CREATE)
                        .map(p -> newProject(p.row()))
                        .toList(),
                actor);
        List<Planned> updates =
                chunk.stream().filter(p -> p.action() == Action.UPDATE).toList();
        Map<String, Project> locked = Project.lockAllByCode(
                        updates.stream().map(Planned::code).toList())
                .stream()
                .collect(Collectors.toMap(p -> p.code, p -> p));
        for (Planned planned : updates) {
            projects.update(locked.get(planned.code()), edit(planned.row()), actor);
        }
    }

    /** Every error of the file, or what each row will do. */
    List<Planned> check(byte[] content) {
        LedgerSheetReader.Result read = LedgerSheetReader.read(content);
        if (!read.ok()) {
            metrics.importFinished("rejected");
            throw new ImportRejected(read.errors());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<SheetError> errors = new ArrayList<>();
            List<Planned> plan = new ArrayList<>();
            KnownProjects known = KnownProjects.of(read.rows());
            Set<Integer> closedYears = PlanYear.closedYears();
            Map<String, Integer> codeLines = new HashMap<>();
            Map<String, Integer> nationalCodeLines = new HashMap<>();
            for (LedgerRow row : read.rows()) {
                Integer first = row.code() == null ? null : codeLines.putIfAbsent(row.code(), row.line());
                if (first != null) {
                    errors.add(new SheetError(
                            row.line(),
                            LedgerColumns.CODE,
                            "台账编号 " + row.code() + " 与第 " + first + " 行重复",
                            "ledger code " + row.code() + " is on line " + first + " already"));
                    continue;
                }
                first = row.nationalCode() == null
                        ? null
                        : nationalCodeLines.putIfAbsent(row.nationalCode(), row.line());
                if (first != null) {
                    errors.add(new SheetError(
                            row.line(),
                            LedgerColumns.NATIONAL_CODE,
                            "项目代码 " + row.nationalCode() + " 与第 " + first + " 行重复",
                            "national code " + row.nationalCode() + " is on line " + first + " already"));
                    continue;
                }
                Project existing;
                if (row.code() != null) {
                    existing = known.byCode().get(row.code());
                    if (existing == null) {
                        errors.add(new SheetError(
                                row.line(),
                                LedgerColumns.CODE,
                                "台账编号 " + row.code() + " 不在台账上",
                                "ledger code " + row.code() + " is not on the ledger"));
                        continue;
                    }
                } else if (row.nationalCode() != null) {
                    existing = known.byNationalCode().get(row.nationalCode());
                } else {
                    // no code of either kind: the same project is the one of that name, town and year without one
                    existing = known.withoutCode().get(KnownProjects.nameKey(row.name(), row.planYear(), row.town()));
                }
                if (existing == null) {
                    // the row's values were checked as it was read; a new project must also enter one of the four pools
                    List<ProjectRules.Violation> broken = ProjectRules.entry(Pool.valueOf(row.pool()));
                    broken.forEach(v -> errors.add(
                            new SheetError(row.line(), LedgerColumns.columnOf(v.field()), v.reasonZh(), v.reasonEn())));
                    if (broken.isEmpty() && closedYears.contains(row.planYear())) {
                        errors.add(closedYear(row.line(), row.planYear()));
                    } else if (broken.isEmpty()) {
                        plan.add(new Planned(row, Action.CREATE, null));
                    }
                    continue;
                }
                if (!existing.pool.name().equals(row.pool())) {
                    errors.add(new SheetError(
                            row.line(),
                            LedgerColumns.POOL,
                            "与台账不一致（台账为" + existing.pool.label() + "）：所属库变更请通过项目转化办理",
                            "differs from the ledger (" + existing.pool + "): pools change by conversion"));
                    continue;
                }
                Project holder = row.nationalCode() == null
                        ? null
                        : known.byNationalCode().get(row.nationalCode());
                if (holder != null && !holder.id.equals(existing.id)) {
                    errors.add(new SheetError(
                            row.line(),
                            LedgerColumns.NATIONAL_CODE,
                            "项目代码已属于 " + holder.code,
                            "the national code belongs to " + holder.code));
                    continue;
                }
                ProjectEdit before = ProjectEdit.of(existing);
                ProjectEdit after = edit(row);
                boolean rewritesPlan = !before.planYear().equals(after.planYear())
                        || before.annualPlanInvestment().compareTo(after.annualPlanInvestment()) != 0;
                Integer closed = closedYears.contains(before.planYear())
                        ? before.planYear()
                        : closedYears.contains(after.planYear()) ? after.planYear() : null;
                if (rewritesPlan && closed != null) {
                    errors.add(closedYear(row.line(), closed));
                    continue;
                }
                plan.add(new Planned(row, before.equals(after) ? Action.UNCHANGED : Action.UPDATE, existing.code));
            }
            if (!errors.isEmpty()) {
                metrics.importFinished("rejected");
                throw new ImportRejected(errors);
            }
            return plan;
        });
    }

    /**
     * The projects a file's rows may name, read in a few queries for the whole file rather than one a row: by ledger
     * code, by national code, and (for rows with neither) by name, plan year and town among those without one.
     */
    record KnownProjects(
            Map<String, Project> byCode, Map<String, Project> byNationalCode, Map<String, Project> withoutCode) {

        private static final int IN_LIST = 1000;

        static KnownProjects of(List<LedgerRow> rows) {
            Map<String, Project> byCode = new HashMap<>();
            Map<String, Project> byNationalCode = new HashMap<>();
            Map<String, Project> withoutCode = new HashMap<>();
            Set<String> codes = new HashSet<>();
            Set<String> nationalCodes = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (LedgerRow row : rows) {
                if (row.code() != null) {
                    codes.add(row.code());
                } else if (row.nationalCode() == null) {
                    names.add(row.name());
                }
                if (row.nationalCode() != null) {
                    nationalCodes.add(row.nationalCode());
                }
            }
            load("code in ?1", codes).forEach(p -> byCode.put(p.code, p));
            load("nationalCode in ?1", nationalCodes).forEach(p -> byNationalCode.put(p.nationalCode, p));
            load("nationalCode is null and name in ?1", names)
                    .forEach(p -> withoutCode.putIfAbsent(nameKey(p.name, p.planYear, p.town), p));
            return new KnownProjects(byCode, byNationalCode, withoutCode);
        }

        static String nameKey(String name, int planYear, String town) {
            return name + "\u0000" + planYear + "\u0000" + town;
        }

        private static List<Project> load(String where, Set<String> values) {
            List<String> all = new ArrayList<>(values);
            List<Project> found = new ArrayList<>();
            for (int from = 0; from < all.size(); from += IN_LIST) {
                found.addAll(Project.<Project>list(where, all.subList(from, Math.min(from + IN_LIST, all.size()))));
            }
            return found;
        }
    }

    private static SheetError closedYear(int line, int year) {
        return new SheetError(
                line,
                LedgerColumns.PLAN_YEAR,
                "计划年度 " + year + " 已结转，其年度计划不再变更",
                "plan year " + year + " is closed (rolled over)");
    }

    static NewProject newProject(LedgerRow row) {
        return new NewProject(
                row.nationalCode(),
                row.name(),
                Pool.valueOf(row.pool()),
                row.cityCategory() == null ? null : CityCategory.valueOf(row.cityCategory()),
                row.industryChain(),
                row.town(),
                row.ownerUnit(),
                row.leadDepartment(),
                row.planYear(),
                row.totalInvestment(),
                row.annualPlanInvestment(),
                row.plannedStart(),
                row.plannedCompletion(),
                row.actualStart(),
                funding(row),
                row.fromBeijing(),
                row.keyConversion(),
                targetPool(row),
                row.conversionTargetDate(),
                row.poolSince());
    }

    static ProjectEdit edit(LedgerRow row) {
        return new ProjectEdit(
                row.nationalCode(),
                row.name(),
                row.cityCategory() == null ? null : CityCategory.valueOf(row.cityCategory()),
                row.industryChain(),
                row.town(),
                row.ownerUnit(),
                row.leadDepartment(),
                row.planYear(),
                row.totalInvestment(),
                row.annualPlanInvestment(),
                row.plannedStart(),
                row.plannedCompletion(),
                funding(row),
                row.fromBeijing(),
                row.keyConversion(),
                targetPool(row),
                row.conversionTargetDate());
    }

    private static Pool targetPool(LedgerRow row) {
        return row.conversionTargetPool() == null ? null : Pool.valueOf(row.conversionTargetPool());
    }

    private static EnumSet<FundingSource> funding(LedgerRow row) {
        return row.fundingSources().stream()
                .map(FundingSource::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FundingSource.class)));
    }

    private static int count(List<Planned> plan, Action action) {
        return (int) plan.stream().filter(p -> p.action() == action).count();
    }
}

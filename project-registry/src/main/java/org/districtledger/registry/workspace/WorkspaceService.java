package org.districtledger.registry.workspace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.MilestoneType;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.registry.access.ProjectAccess;
import org.districtledger.registry.problem.CoordinationProblem;
import org.districtledger.registry.procedure.ProcedureItem;
import org.districtledger.registry.progress.ProgressReport;
import org.districtledger.registry.project.Project;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Works out each user's projects and what is due on them in a week, from a handful of set-based queries: the
 * office sees every project, an officer those of his task forces, a leader his own.
 */
@ApplicationScoped
public class WorkspaceService {

    /** The pools whose projects report every week: under construction, or about to be. */
    private static final Set<Pool> REPORTING_POOLS = EnumSet.of(Pool.BUILDING, Pool.PREPARING);

    private static final Set<Pool> CLOSED_POOLS = EnumSet.of(Pool.CANCELLED, Pool.COMPLETED, Pool.IN_PRODUCTION);

    private final int lookAheadDays;
    private final ZoneId zone;

    public WorkspaceService(
            @ConfigProperty(name = "ledger.workspace.look-ahead-days", defaultValue = "14") int lookAheadDays,
            @ConfigProperty(name = "ledger.clock.zone", defaultValue = "Asia/Shanghai") String zone) {
        this.lookAheadDays = lookAheadDays;
        this.zone = ZoneId.of(zone);
    }

    /** Refuses a project the ledger does not have (404). */
    public void requireProject(String code) {
        if (Project.findByCode(code) == null) {
            throw HttpProblemException.notFound("Project", code);
        }
    }

    /** The week now running in the district. */
    public IsoWeek currentWeek() {
        return IsoWeek.of(LocalDate.now(zone));
    }

    /** The signed-in user's projects and their dues in {@code week}. */
    @Transactional
    public Workspace of(CurrentUser user, IsoWeek week) {
        Map<String, ProjectAccess> access = accessByProject();
        String role = roleOf(user);
        Predicate<Project> member =
                p -> access.containsKey(p.code) && access.get(p.code).members().contains(user.name());
        Predicate<Project> mine = switch (role) {
            case Roles.OFFICER -> member;
            case Roles.LEADER ->
                p -> access.containsKey(p.code) && user.name().equals(access.get(p.code).leaderAccount);
            default -> p -> true;
        };
        Predicate<Project> canReport =
                Roles.ADMIN.equals(role) ? p -> true : user.hasRole(Roles.OFFICER) ? member : p -> false;
        List<Project> projects = openProjects().stream().filter(mine).toList();
        List<Workspace.Item> items = items(projects, access, week, canReport);
        return new Workspace(user.name(), role, week.toString(), asOf(week), count(items), items);
    }

    /** The role a workspace is shown for: the strongest the user holds (office, officer, leader, viewer, export). */
    public static String roleOf(CurrentUser user) {
        for (String role : List.of(Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER)) {
            if (user.hasRole(role)) {
                return role;
            }
        }
        return Roles.EXPORT;
    }

    /** What each task force has due in {@code week}, for the reminders: task force name → its projects' dues. */
    @Transactional
    public Map<String, List<Workspace.Item>> byTaskForce(IsoWeek week) {
        Map<String, ProjectAccess> access = accessByProject();
        List<Project> projects =
                openProjects().stream().filter(p -> access.containsKey(p.code)).toList();
        return items(projects, access, week, p -> false).stream()
                .collect(Collectors.groupingBy(Workspace.Item::taskForce, TreeMap::new, Collectors.toList()));
    }

    private static Map<String, ProjectAccess> accessByProject() {
        return ProjectAccess.<ProjectAccess>listAll().stream().collect(Collectors.toMap(a -> a.projectCode, a -> a));
    }

    /** The projects still to be worked on: neither cancelled, nor completed, nor in production. */
    private static List<Project> openProjects() {
        return Project.list("pool not in ?1 order by code", CLOSED_POOLS);
    }

    /** The day dues are counted on: the week's Sunday once it is over, today while it runs. */
    public LocalDate asOf(IsoWeek week) {
        LocalDate today = LocalDate.now(zone);
        return week.sunday().isBefore(today) ? week.sunday() : (week.monday().isAfter(today) ? week.monday() : today);
    }

    private List<Workspace.Item> items(
            List<Project> projects, Map<String, ProjectAccess> access, IsoWeek week, Predicate<Project> canReport) {
        if (projects.isEmpty()) {
            return List.of();
        }
        LocalDate asOf = asOf(week);
        LocalDate horizon = asOf.plusDays(lookAheadDays);
        List<Long> ids = projects.stream().map(p -> p.id).toList();
        Map<Long, List<ProcedureItem>> permits = group(
                ProcedureItem.<ProcedureItem>list(
                        "projectId in ?1 and status in ?2 and targetDate <= ?3 order by targetDate",
                        ids,
                        EnumSet.of(ProcedureStatus.NOT_STARTED, ProcedureStatus.IN_PROGRESS),
                        horizon),
                p -> p.projectId);
        Map<Long, List<CoordinationProblem>> problems = group(
                CoordinationProblem.<CoordinationProblem>list(
                        "projectId in ?1 and resolvedOn is null and raisedOn <= ?2 order by raisedOn", ids, asOf),
                p -> p.projectId);
        Map<Long, ProgressReport> thisWeek =
                ProgressReport.<ProgressReport>list("projectId in ?1 and isoWeek = ?2", ids, week.toString()).stream()
                        .collect(Collectors.toMap(r -> r.projectId, r -> r));
        // the latest report before the week, for the grid's pre-filled values
        Map<Long, ProgressReport> before = new HashMap<>();
        for (ProgressReport r : ProgressReport.<ProgressReport>list(
                "projectId in ?1 and weekStart < ?2 order by weekStart", ids, week.monday())) {
            before.put(r.projectId, r);
        }
        List<Workspace.Item> items = new ArrayList<>();
        for (Project p : projects) {
            ProjectAccess a = access.get(p.code);
            boolean reports = REPORTING_POOLS.contains(p.pool) && !p.admittedOn.isAfter(week.sunday());
            List<Workspace.PermitDue> permitsDue = permits.getOrDefault(p.id, List.of()).stream()
                    .map(i -> new Workspace.PermitDue(
                            i.type.name(), i.type.label(), i.status.label(), i.targetDate, late(i.targetDate, asOf)))
                    .toList();
            List<Workspace.ProblemWaiting> waiting = problems.getOrDefault(p.id, List.of()).stream()
                    .map(q -> new Workspace.ProblemWaiting(
                            q.id,
                            q.title,
                            q.department,
                            q.raisedOn,
                            ChronoUnit.DAYS.between(q.raisedOn, asOf),
                            q.dueDate))
                    .toList();
            items.add(new Workspace.Item(
                    p.code,
                    p.name,
                    p.pool.name(),
                    p.pool.label(),
                    p.town,
                    p.industryChain,
                    a == null ? null : a.taskForce,
                    a == null ? null : a.leaderAccount,
                    reports,
                    reports && !thisWeek.containsKey(p.id),
                    report(before.get(p.id)),
                    report(thisWeek.get(p.id)),
                    permitsDue,
                    milestones(p, horizon, asOf),
                    waiting,
                    canReport.test(p)));
        }
        return items;
    }

    private static List<Workspace.MilestoneDue> milestones(Project p, LocalDate horizon, LocalDate asOf) {
        List<Workspace.MilestoneDue> due = new ArrayList<>();
        if (p.actualStart == null
                && p.plannedStart != null
                && !p.plannedStart.isAfter(horizon)
                && (p.pool == Pool.BUILDING || p.pool == Pool.PREPARING)) {
            due.add(new Workspace.MilestoneDue(
                    MilestoneType.STARTED.name(), "计划开工", p.plannedStart, late(p.plannedStart, asOf)));
        }
        if (p.actualStart != null
                && p.actualCompletion == null
                && p.plannedCompletion != null
                && !p.plannedCompletion.isAfter(horizon)) {
            due.add(new Workspace.MilestoneDue(
                    MilestoneType.COMPLETED.name(), "计划竣工", p.plannedCompletion, late(p.plannedCompletion, asOf)));
        }
        return due;
    }

    private static Workspace.LastReport report(ProgressReport r) {
        return r == null
                ? null
                : new Workspace.LastReport(
                        r.isoWeek,
                        r.investmentCompleted,
                        r.imageProgressPercent,
                        r.imageProgressNote,
                        r.siteStatus.name(),
                        r.problemsRaised);
    }

    /** Days past the date (0 when it is still ahead). */
    private static long late(LocalDate due, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(due, asOf));
    }

    private static Workspace.Counts count(Collection<Workspace.Item> items) {
        int reports = 0;
        int permits = 0;
        int overdue = 0;
        int milestones = 0;
        int problems = 0;
        for (Workspace.Item i : items) {
            reports += i.reportDue() ? 1 : 0;
            permits += i.permits().size();
            overdue += (int) i.permits().stream().filter(d -> d.daysLate() > 0).count();
            milestones += i.milestones().size();
            problems += i.problems().size();
        }
        return new Workspace.Counts(items.size(), reports, permits, overdue, milestones, problems);
    }

    private static <T> Map<Long, List<T>> group(List<T> rows, Function<T, Long> key) {
        return rows.stream().collect(Collectors.groupingBy(key));
    }
}

package org.districtledger.tracker.weekly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectField;
import org.districtledger.contract.TimeProportionalPlan;
import org.districtledger.tracker.assignment.Assignment;
import org.districtledger.tracker.clock.BusinessClock;
import org.districtledger.tracker.conversion.ConversionAnalytics;
import org.districtledger.tracker.conversion.ConversionFigures;
import org.districtledger.tracker.conversion.PoolStay;
import org.districtledger.tracker.flag.Colour;
import org.districtledger.tracker.flag.FlagHistory;
import org.districtledger.tracker.flag.FlagSettings;
import org.districtledger.tracker.project.FieldChanges;
import org.districtledger.tracker.project.TrackedConversion;
import org.districtledger.tracker.project.TrackedEdit;
import org.districtledger.tracker.project.TrackedProblem;
import org.districtledger.tracker.weekly.LedgerOnDay.ProjectOnDay;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the weekly scheduling view from the tracker's own records, as of the week's Sunday: the projects, their
 * pools, plans and assignments as the tracker knew them that day ({@link LedgerOnDay}), flags with the colours and
 * reasons they had then, investment by the weeks reported in the revisions recorded by then, problems by the days
 * they were raised and resolved. So a past week shows exactly what it showed when it was current.
 */
@ApplicationScoped
public class WeeklyService {

    /** The four pools of the funnel, from idea to site. */
    public static final List<String> FUNNEL =
            Pool.FUNNEL.stream().map(Pool::name).toList();

    private final BusinessClock clock;
    private final EntityManager entities;
    private final FlagSettings flagSettings;

    public WeeklyService(BusinessClock clock, EntityManager entities, FlagSettings flagSettings) {
        this.clock = clock;
        this.entities = entities;
        this.flagSettings = flagSettings;
    }

    /** Which projects the view takes: all, or those of a leader, town, chain, pool (on the as-of day) or city category. */
    public record Filter(String leader, String town, String chain, String pool, String cityCategory) {

        public static final Filter NONE = new Filter(null, null, null, null, null);

        boolean isNone() {
            return leader == null && town == null && chain == null && pool == null && cityCategory == null;
        }
    }

    /** The values each filter can take, for the page's choices. */
    public record FilterChoices(
            List<String> leaders, List<String> towns, List<String> chains, List<String> cityCategories) {}

    /** The business clock's week. */
    public IsoWeek currentWeek() {
        return IsoWeek.of(clock.today());
    }

    /** A week as the page heads it: 2023年第26周（6月26日—7月2日） · 截至 2023-07-02. */
    public String heading(IsoWeek week) {
        LocalDate today = clock.today();
        LocalDate asOf = week.sunday().isAfter(today) ? today : week.sunday();
        return chinese(week) + " · 截至 " + asOf;
    }

    /** 2023年第26周（6月26日—7月2日）. */
    public static String chinese(IsoWeek week) {
        return String.format(
                "%d年第%d周（%d月%d日—%d月%d日）",
                week.year(),
                week.week(),
                week.monday().getMonthValue(),
                week.monday().getDayOfMonth(),
                week.sunday().getMonthValue(),
                week.sunday().getDayOfMonth());
    }

    @Transactional
    public FilterChoices choices() {
        return new FilterChoices(
                distinct("select distinct a.leaderName from Assignment a order by 1"),
                distinct("select distinct p.town from TrackedProject p where p.town is not null order by 1"),
                distinct(
                        "select distinct p.industryChain from TrackedProject p where p.industryChain is not null order by 1"),
                distinct(
                        "select distinct p.cityCategory from TrackedProject p where p.cityCategory is not null order by 1"));
    }

    private List<String> distinct(String query) {
        return entities.createQuery(query, String.class).getResultList();
    }

    @Transactional
    public WeeklySchedule report(IsoWeek week, Filter filter) {
        entities.unwrap(Session.class).setDefaultReadOnly(true);
        // the view's statements read whole tables up to a day: each planned for its own day (a generic plan, which the
        // driver's prepared statements get after five runs, sorted the year's reports on disk: 215 ms instead of 90)
        entities.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan")
                .executeUpdate();
        LocalDate monday = week.monday();
        LocalDate sunday = week.sunday();
        LocalDate today = clock.today();
        LocalDate asOf = sunday.isAfter(today) ? today : sunday;
        int year = week.year();
        LocalDate yearStart = LocalDate.of(year, 1, 1);

        // what the tracker knew on the as-of day: the projects (a later one is not in it), their assignments, flags
        LedgerOnDay known = LedgerOnDay.load(entities, asOf, clock.zone());
        Map<String, LedgerOnDay.AssignmentOnDay> assignments = known.assignments();
        Map<String, ProjectOnDay> projects = new LinkedHashMap<>();
        Map<String, String> pools = new HashMap<>();
        for (ProjectOnDay p : known.projects().values()) {
            String pool = p.pool();
            LedgerOnDay.AssignmentOnDay a = assignments.get(p.code());
            boolean taken = (filter.town() == null || filter.town().equals(p.town()))
                    && (filter.chain() == null || filter.chain().equals(p.industryChain()))
                    && (filter.pool() == null || filter.pool().equals(pool))
                    && (filter.cityCategory() == null || filter.cityCategory().equals(p.cityCategory()))
                    && (filter.leader() == null || (a != null && filter.leader().equals(a.leaderName())));
            if (taken) {
                projects.put(p.code(), p);
                pools.put(p.code(), pool);
            }
        }
        List<LedgerOnDay.FlagOnDay> flags = known.flags().stream()
                .filter(f -> projects.containsKey(f.flag().projectCode))
                .toList();
        // the conversions known on the day: up to the event that left each project as it was then
        List<TrackedConversion> conversions =
                TrackedConversion.<TrackedConversion>list("order by convertedOn, id.sequence").stream()
                        .filter(c -> projects.containsKey(c.id.projectCode())
                                && c.id.sequence()
                                        <= projects.get(c.id.projectCode()).sequence())
                        .toList();

        Map<String, Long> poolCounts = new TreeMap<>();
        pools.values().forEach(pool -> poolCounts.merge(pool, 1L, Long::sum));

        List<ProjectOnDay> planned = projects.values().stream()
                .filter(p -> p.planYear() == year
                        && p.plannedStart() != null
                        && p.plannedStart().getYear() == year
                        && (p.actualStart() == null || p.actualStart().getYear() == year))
                .toList();
        long started = planned.stream()
                .filter(p -> p.actualStart() != null && !p.actualStart().isAfter(asOf))
                .count();
        WeeklySchedule.Starts starts = new WeeklySchedule.Starts(
                planned.size(), started, share(BigDecimal.valueOf(started), BigDecimal.valueOf(planned.size())));

        BigDecimal annualPlan = projects.values().stream()
                .filter(p -> p.planYear() == year
                        && Pool.valueOf(pools.get(p.code())).underWay())
                .map(ProjectOnDay::annualPlanInvestment)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        Map<Integer, BigDecimal> completedByWeek =
                completedByWeek(week, asOf, filter.isNone() ? null : projects.keySet());
        BigDecimal completed = completedByWeek.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal due = TimeProportionalPlan.due(annualPlan, year, asOf);
        WeeklySchedule.Investment investment = new WeeklySchedule.Investment(
                annualPlan, completed, due, share(completed, annualPlan), share(completed, due));

        WeeklySchedule.Conversions conversionFigures = new WeeklySchedule.Conversions(
                conversions.stream()
                        .filter(c -> c.forwardByOne && within(c.convertedOn, monday, asOf))
                        .count(),
                conversions.stream()
                        .filter(c -> c.forwardByOne && within(c.convertedOn, yearStart, asOf))
                        .count());

        long[] now = counts(flags, asOf);
        long[] before = counts(flags, asOf.minusDays(7));
        WeeklySchedule.Flags flagFigures =
                new WeeklySchedule.Flags(now[0], now[1], now[0] - before[0], now[1] - before[1]);

        List<WeeklySchedule.ProjectLine> lines = projectLines(projects, pools, assignments, flags, asOf);
        WeeklySchedule.Changes changes = changes(projects, conversions, monday, asOf);
        List<WeeklySchedule.DepartmentProblems> open = openProblems(projects, asOf);

        List<WeeklySchedule.FunnelStage> funnel = FUNNEL.stream()
                .map(pool -> new WeeklySchedule.FunnelStage(
                        pool,
                        poolCounts.getOrDefault(pool, 0L),
                        conversions.stream()
                                .filter(c -> c.forwardByOne
                                        && pool.equals(c.toPool)
                                        && within(c.convertedOn, yearStart, asOf))
                                .count(),
                        conversions.stream()
                                .filter(c -> c.forwardByOne
                                        && pool.equals(c.fromPool)
                                        && within(c.convertedOn, yearStart, asOf))
                                .count()))
                .toList();

        return new WeeklySchedule(
                week.toString(),
                monday,
                sunday,
                asOf,
                new WeeklySchedule.Headline(poolCounts, starts, investment, conversionFigures, flagFigures),
                byLeader(lines, assignments),
                byTaskForce(lines),
                changes,
                open,
                series(week, asOf, annualPlan, completedByWeek, flags),
                funnel,
                conversionFigures(year, asOf, projects, conversions));
    }

    /**
     * The conversion analytics of the projects taken: each project's stays in its pools, from the pool and day it was
     * registered with through the moves known on the as-of day.
     */
    private ConversionFigures conversionFigures(
            int year, LocalDate asOf, Map<String, ProjectOnDay> projects, List<TrackedConversion> conversions) {
        Map<String, List<PoolStay.Move>> moves = new HashMap<>();
        conversions.stream()
                .sorted(Comparator.comparing((TrackedConversion c) -> c.id.sequence()))
                .forEach(c -> pool(c.toPool)
                        .ifPresent(to -> moves.computeIfAbsent(c.id.projectCode(), code -> new ArrayList<>())
                                .add(new PoolStay.Move(pool(c.fromPool).orElse(null), to, c.convertedOn))));
        List<PoolStay> stays = new ArrayList<>();
        List<ConversionAnalytics.KeyTarget> keys = new ArrayList<>();
        for (Object row : entities.createNativeQuery(
                        // each project's first version, one index probe a project
                        "SELECT p.code, v.pool, COALESCE(v.pool_since, v.recorded_on) FROM tracked_project p"
                                + " CROSS JOIN LATERAL (SELECT pool, pool_since, recorded_on FROM tracked_project_version"
                                + " WHERE project_code = p.code ORDER BY sequence LIMIT 1) v",
                        Object[].class)
                .getResultList()) {
            Object[] c = (Object[]) row;
            ProjectOnDay project = projects.get((String) c[0]);
            Optional<Pool> first = pool((String) c[1]);
            if (project == null || first.isEmpty()) {
                continue;
            }
            stays.addAll(PoolStay.of(
                    project.code(),
                    project.name(),
                    first.get(),
                    LedgerOnDay.date(c[2]),
                    moves.getOrDefault(project.code(), List.of()),
                    project.plannedStart()));
            if (project.keyConversion()) {
                keys.add(new ConversionAnalytics.KeyTarget(
                        project.code(),
                        project.name(),
                        pool(project.pool()).orElseThrow(),
                        pool(project.conversionTargetPool()).orElse(null),
                        project.conversionTargetDate()));
            }
        }
        keys.sort(Comparator.comparing(ConversionAnalytics.KeyTarget::code));
        FlagSettings.StuckConversion dwell = flagSettings.stuckConversion();
        List<ConversionFigures.DwellLimit> limits = List.of(
                new ConversionFigures.DwellLimit(
                        Pool.PLANNING.name(), dwell.planningYellowDays(), dwell.planningRedDays()),
                new ConversionFigures.DwellLimit(
                        Pool.RESERVE.name(), dwell.reserveYellowDays(), dwell.reserveRedDays()),
                new ConversionFigures.DwellLimit(
                        Pool.PREPARING.name(), dwell.preparingYellowDays(), dwell.preparingRedDays()));
        return ConversionAnalytics.compute(year, asOf, stays, limits, keys);
    }

    private static Optional<Pool> pool(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Pool.valueOf(name));
        } catch (IllegalArgumentException notAPool) {
            return Optional.empty();
        }
    }

    /**
     * Investment completed per week of the year, up to the week, summed in the database over the projects taken: each
     * week's report in its latest revision recorded by the as-of day.
     */
    private Map<Integer, BigDecimal> completedByWeek(IsoWeek week, LocalDate asOf, Set<String> codes) {
        Map<Integer, BigDecimal> byWeek = new HashMap<>();
        if (codes != null && codes.isEmpty()) {
            return byWeek;
        }
        var query = entities.createNativeQuery(
                        // each report in its latest revision recorded by then: the one not yet superseded that day
                        "select iso_week, sum(investment_completed) from tracked_progress_revision"
                                + " where iso_week >= :first and iso_week <= :last and recorded_on <= :asOf"
                                + " and (superseded_on is null or superseded_on > :asOf)"
                                + (codes == null ? "" : " and project_code = any(string_to_array(:codes, ','))")
                                + " group by iso_week",
                        Object[].class)
                .setParameter("first", new IsoWeek(week.year(), 1).toString())
                .setParameter("last", week.toString())
                .setParameter("asOf", asOf);
        if (codes != null) {
            query.setParameter("codes", String.join(",", codes));
        }
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            IsoWeek reported = IsoWeek.parse((String) columns[0], "isoWeek");
            byWeek.put(reported.week(), ((BigDecimal) columns[1]).setScale(2, RoundingMode.UNNECESSARY));
        }
        return byWeek;
    }

    private static WeeklySchedule.Series series(
            IsoWeek week,
            LocalDate asOf,
            BigDecimal annualPlan,
            Map<Integer, BigDecimal> completedByWeek,
            List<LedgerOnDay.FlagOnDay> flags) {
        List<String> weeks = new ArrayList<>();
        List<BigDecimal> cumulative = new ArrayList<>();
        List<BigDecimal> dueSeries = new ArrayList<>();
        List<Long> red = new ArrayList<>();
        List<Long> yellow = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        for (int w = 1; w <= week.week(); w++) {
            IsoWeek each = new IsoWeek(week.year(), w);
            LocalDate end = each.sunday().isAfter(asOf) ? asOf : each.sunday();
            weeks.add(each.toString());
            running = running.add(completedByWeek.getOrDefault(w, BigDecimal.ZERO));
            cumulative.add(running.setScale(2));
            dueSeries.add(TimeProportionalPlan.due(annualPlan, week.year(), end));
            long[] counts = counts(flags, end);
            red.add(counts[0]);
            yellow.add(counts[1]);
        }
        return new WeeklySchedule.Series(weeks, cumulative, dueSeries, red, yellow);
    }

    private static long[] counts(List<LedgerOnDay.FlagOnDay> flags, LocalDate day) {
        long red = 0;
        long yellow = 0;
        for (LedgerOnDay.FlagOnDay flag : flags) {
            Colour colour = flag.colourOn(day);
            if (colour == Colour.RED) {
                red++;
            } else if (colour == Colour.YELLOW) {
                yellow++;
            }
        }
        return new long[] {red, yellow};
    }

    /** Each assigned project with its open flags on the day, red first, then oldest first. */
    private static List<WeeklySchedule.ProjectLine> projectLines(
            Map<String, ProjectOnDay> projects,
            Map<String, String> pools,
            Map<String, LedgerOnDay.AssignmentOnDay> assignments,
            List<LedgerOnDay.FlagOnDay> flags,
            LocalDate asOf) {
        Map<String, List<LedgerOnDay.FlagOnDay>> flagsByProject = flags.stream()
                .filter(f -> f.colourOn(asOf) != null)
                .collect(Collectors.groupingBy(f -> f.flag().projectCode));
        List<WeeklySchedule.ProjectLine> lines = new ArrayList<>();
        for (ProjectOnDay project : projects.values()) {
            LedgerOnDay.AssignmentOnDay a = assignments.get(project.code());
            if (a == null) {
                continue;
            }
            List<WeeklySchedule.FlagLine> open = flagsByProject.getOrDefault(project.code(), List.of()).stream()
                    .sorted(Comparator.comparing((LedgerOnDay.FlagOnDay f) -> f.colourOn(asOf))
                            .reversed()
                            .thenComparing(f -> f.flag().raisedOn))
                    .map(f -> new WeeklySchedule.FlagLine(
                            f.colourOn(asOf).name(), f.flag().rule.label(), f.reason(), f.flag().raisedOn))
                    .toList();
            lines.add(new WeeklySchedule.ProjectLine(
                    project.code(),
                    project.name(),
                    pools.get(project.code()),
                    a.leaderName(),
                    a.taskForceName(),
                    a.leadDepartment(),
                    open));
        }
        return lines;
    }

    private static List<WeeklySchedule.LeaderSection> byLeader(
            List<WeeklySchedule.ProjectLine> lines, Map<String, LedgerOnDay.AssignmentOnDay> assignments) {
        Map<String, WeeklySchedule.LeaderSection> sections = new TreeMap<>();
        for (WeeklySchedule.ProjectLine line : lines) {
            sections.computeIfAbsent(
                            line.leader(),
                            name -> new WeeklySchedule.LeaderSection(
                                    name, assignments.get(line.code()).leaderTitle(), new ArrayList<>()))
                    .projects()
                    .add(line);
        }
        return List.copyOf(sections.values());
    }

    private static List<WeeklySchedule.TaskForceSection> byTaskForce(List<WeeklySchedule.ProjectLine> lines) {
        Map<String, List<WeeklySchedule.ProjectLine>> byName = lines.stream()
                .collect(Collectors.groupingBy(
                        WeeklySchedule.ProjectLine::taskForce, TreeMap::new, Collectors.toList()));
        return byName.entrySet().stream()
                .map(e -> new WeeklySchedule.TaskForceSection(
                        e.getKey(),
                        e.getValue().get(0).leadDepartment(),
                        List.copyOf(e.getValue().stream()
                                .map(WeeklySchedule.ProjectLine::leader)
                                .collect(Collectors.toCollection(TreeSet::new))),
                        count(e.getValue(), "RED"),
                        count(e.getValue(), "YELLOW"),
                        e.getValue()))
                .toList();
    }

    private static long count(List<WeeklySchedule.ProjectLine> lines, String colour) {
        return lines.stream()
                .flatMap(line -> line.flags().stream())
                .filter(flag -> colour.equals(flag.colour()))
                .count();
    }

    private static WeeklySchedule.Changes changes(
            Map<String, ProjectOnDay> projects, List<TrackedConversion> conversions, LocalDate monday, LocalDate asOf) {
        List<WeeklySchedule.FlagChange> flagChanges =
                FlagHistory.<FlagHistory>list("asOf >= ?1 and asOf <= ?2 order by id", monday, asOf).stream()
                        .filter(h -> projects.containsKey(h.projectCode))
                        .map(h -> new WeeklySchedule.FlagChange(
                                h.change.name(),
                                h.projectCode,
                                projects.get(h.projectCode).name(),
                                h.colour.name(),
                                h.rule.label(),
                                h.reason,
                                h.asOf))
                        .toList();
        List<WeeklySchedule.DatedProject> starts = projects.values().stream()
                .filter(p -> within(p.actualStart(), monday, asOf))
                .map(p -> new WeeklySchedule.DatedProject(p.code(), p.name(), p.actualStart()))
                .toList();
        List<WeeklySchedule.DatedProject> completions = projects.values().stream()
                .filter(p -> within(p.actualCompletion(), monday, asOf))
                .map(p -> new WeeklySchedule.DatedProject(p.code(), p.name(), p.actualCompletion()))
                .toList();
        List<WeeklySchedule.ConversionLine> moves = conversions.stream()
                .filter(c -> within(c.convertedOn, monday, asOf))
                .sorted(Comparator.comparing((TrackedConversion c) -> c.convertedOn)
                        .thenComparing(c -> c.id.projectCode()))
                .map(c -> new WeeklySchedule.ConversionLine(
                        c.id.projectCode(),
                        projects.get(c.id.projectCode()).name(),
                        c.fromPool,
                        c.toPool,
                        c.convertedOn,
                        c.forwardByOne))
                .toList();
        List<TrackedProblem> problems = TrackedProblem.<TrackedProblem>list("order by raisedOn, problemId").stream()
                .filter(p -> projects.containsKey(p.projectCode))
                .toList();
        List<WeeklySchedule.ProblemLine> raised = problems.stream()
                .filter(p -> within(p.raisedOn, monday, asOf))
                .map(p -> line(p, projects, asOf))
                .toList();
        List<WeeklySchedule.ProblemLine> resolved = problems.stream()
                .filter(p -> within(p.resolvedOn, monday, asOf))
                .map(p -> line(p, projects, asOf))
                .toList();
        List<WeeklySchedule.EditLine> edits = TrackedEdit.<TrackedEdit>list(
                        "recordedOn >= ?1 and recordedOn <= ?2 order by recordedOn, projectCode, sequence, id",
                        monday,
                        asOf)
                .stream()
                .filter(e -> projects.containsKey(e.projectCode))
                .map(e -> edit(e, projects.get(e.projectCode).name()))
                .toList();
        return new WeeklySchedule.Changes(flagChanges, starts, completions, moves, raised, resolved, edits);
    }

    private static WeeklySchedule.EditLine edit(TrackedEdit edit, String name) {
        return new WeeklySchedule.EditLine(
                edit.projectCode,
                name,
                edit.field,
                ProjectField.labelOf(edit.field),
                edit.before(),
                edit.after(),
                FieldChanges.describe(edit.field, edit.before(), edit.after()),
                edit.recordedOn);
    }

    private static List<WeeklySchedule.DepartmentProblems> openProblems(
            Map<String, ProjectOnDay> projects, LocalDate asOf) {
        Map<String, List<WeeklySchedule.ProblemLine>> byDepartment = new TreeMap<>();
        TrackedProblem.<TrackedProblem>list("order by raisedOn, problemId").stream()
                .filter(p -> projects.containsKey(p.projectCode)
                        && !p.raisedOn.isAfter(asOf)
                        && (p.resolvedOn == null || p.resolvedOn.isAfter(asOf)))
                .forEach(p -> byDepartment
                        .computeIfAbsent(p.department, d -> new ArrayList<>())
                        .add(line(p, projects, asOf)));
        return byDepartment.entrySet().stream()
                .map(e -> new WeeklySchedule.DepartmentProblems(e.getKey(), e.getValue()))
                .toList();
    }

    private static WeeklySchedule.ProblemLine line(
            TrackedProblem p, Map<String, ProjectOnDay> projects, LocalDate asOf) {
        LocalDate end = p.resolvedOn != null && !p.resolvedOn.isAfter(asOf) ? p.resolvedOn : asOf;
        return new WeeklySchedule.ProblemLine(
                p.problemId,
                p.projectCode,
                projects.get(p.projectCode).name(),
                p.title,
                p.department,
                p.raisedOn,
                p.resolvedOn != null && !p.resolvedOn.isAfter(asOf) ? p.resolvedOn : null,
                ChronoUnit.DAYS.between(p.raisedOn, end));
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    /** The name of the leader who signs in as {@code account}, if the assignments name one. */
    public Optional<String> leaderNameOf(String account) {
        return Assignment.<Assignment>find("leaderAccount", account)
                .firstResultOptional()
                .map(a -> a.leaderName);
    }
}

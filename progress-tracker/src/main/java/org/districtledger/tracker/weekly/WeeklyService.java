package org.districtledger.tracker.weekly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.runtime.IsoWeek;
import org.districtledger.tracker.assignment.Assignment;
import org.districtledger.tracker.clock.BusinessClock;
import org.districtledger.tracker.flag.Colour;
import org.districtledger.tracker.flag.Flag;
import org.districtledger.tracker.flag.FlagHistory;
import org.districtledger.tracker.project.TrackedProblem;
import org.districtledger.tracker.project.TrackedProgress;
import org.districtledger.tracker.project.TrackedProject;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the weekly scheduling view from the tracker's own records, as of the week's Sunday: flags by the
 * dates they were raised, escalated and cleared, investment by the weeks reported, problems by the days they
 * were raised and resolved. So a past week shows that week as it was.
 */
@ApplicationScoped
public class WeeklyService {

    private static final Set<String> UNDER_WAY = Set.of("BUILDING", "PREPARING", "COMPLETED", "IN_PRODUCTION");

    private final BusinessClock clock;

    public WeeklyService(BusinessClock clock) {
        this.clock = clock;
    }

    /** Which projects the view takes: all, or those of a leader, town, chain, pool or city category. */
    public record Filter(String leader, String town, String chain, String pool, String cityCategory) {

        static final Filter NONE = new Filter(null, null, null, null, null);
    }

    @Transactional
    public WeeklyReport report(IsoWeek week, Filter filter) {
        LocalDate monday = week.monday();
        LocalDate sunday = week.sunday();
        LocalDate today = clock.today();
        LocalDate asOf = sunday.isAfter(today) ? today : sunday;
        int year = week.year();

        Map<String, Assignment> assignments = Assignment.<Assignment>listAll().stream()
                .collect(Collectors.toMap(a -> a.projectCode, a -> a));
        Predicate<TrackedProject> taken = p -> (filter.town() == null || filter.town().equals(p.town))
                && (filter.chain() == null || filter.chain().equals(p.industryChain))
                && (filter.pool() == null || filter.pool().equals(p.pool))
                && (filter.cityCategory() == null || filter.cityCategory().equals(p.cityCategory))
                && (filter.leader() == null || (assignments.containsKey(p.code) && filter.leader().equals(assignments.get(p.code).leaderName)));
        Map<String, TrackedProject> projects = new LinkedHashMap<>();
        TrackedProject.<TrackedProject>list("order by code").stream().filter(taken).forEach(p -> projects.put(p.code, p));
        List<Flag> flags = Flag.<Flag>listAll().stream().filter(f -> projects.containsKey(f.projectCode)).toList();

        Map<String, Long> pools = new TreeMap<>();
        projects.values().forEach(p -> pools.merge(p.pool, 1L, Long::sum));

        List<TrackedProject> planned = projects.values().stream()
                .filter(p -> p.planYear == year && p.plannedStart != null && p.plannedStart.getYear() == year
                        && (p.actualStart == null || p.actualStart.getYear() == year))
                .toList();
        long started = planned.stream().filter(p -> p.actualStart != null && !p.actualStart.isAfter(asOf)).count();
        WeeklyReport.Starts starts = new WeeklyReport.Starts(planned.size(), started, share(BigDecimal.valueOf(started), BigDecimal.valueOf(planned.size())));

        BigDecimal annualPlan = projects.values().stream().filter(p -> p.planYear == year && UNDER_WAY.contains(p.pool))
                .map(p -> p.annualPlanInvestment).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        Map<Integer, BigDecimal> completedByWeek = new HashMap<>();
        for (TrackedProgress progress : TrackedProgress.<TrackedProgress>listAll()) {
            IsoWeek reported = IsoWeek.parse(progress.id.isoWeek(), "isoWeek");
            if (reported.year() == year && reported.week() <= week.week() && projects.containsKey(progress.id.projectCode())) {
                completedByWeek.merge(reported.week(), progress.investmentCompleted, BigDecimal::add);
            }
        }
        BigDecimal completed = completedByWeek.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal due = due(annualPlan, asOf, year);
        WeeklyReport.Investment investment = new WeeklyReport.Investment(annualPlan, completed, due,
                share(completed, annualPlan), share(completed, due));

        long[] now = counts(flags, asOf);
        long[] before = counts(flags, asOf.minusDays(7));
        WeeklyReport.Flags flagFigures = new WeeklyReport.Flags(now[0], now[1], now[0] - before[0], now[1] - before[1]);

        List<WeeklyReport.LeaderSection> byLeader = byLeader(projects, assignments, flags, asOf);
        WeeklyReport.Changes changes = changes(projects, monday, asOf);
        List<WeeklyReport.DepartmentProblems> open = openProblems(projects, asOf);

        List<String> weeks = new ArrayList<>();
        List<BigDecimal> cumulative = new ArrayList<>();
        List<BigDecimal> dueSeries = new ArrayList<>();
        List<Long> red = new ArrayList<>();
        List<Long> yellow = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        for (int w = 1; w <= week.week(); w++) {
            IsoWeek each = new IsoWeek(year, w);
            LocalDate end = each.sunday().isAfter(asOf) ? asOf : each.sunday();
            weeks.add(each.toString());
            running = running.add(completedByWeek.getOrDefault(w, BigDecimal.ZERO));
            cumulative.add(running.setScale(2));
            dueSeries.add(due(annualPlan, end, year));
            long[] counts = counts(flags, end);
            red.add(counts[0]);
            yellow.add(counts[1]);
        }
        return new WeeklyReport(week.toString(), monday, sunday, asOf,
                new WeeklyReport.Headline(pools, starts, investment, flagFigures), byLeader, changes, open,
                new WeeklyReport.Series(weeks, cumulative, dueSeries, red, yellow));
    }

    /** The colour a flag had on a day, or {@code null} if it was not open then. */
    static Colour colourOn(Flag flag, LocalDate day) {
        if (flag.raisedOn.isAfter(day) || (flag.clearedOn != null && !flag.clearedOn.isAfter(day))) {
            return null;
        }
        if (flag.colour == Colour.RED && flag.escalatedOn != null && day.isBefore(flag.escalatedOn)) {
            return Colour.YELLOW;
        }
        return flag.colour;
    }

    private static long[] counts(List<Flag> flags, LocalDate day) {
        long red = 0;
        long yellow = 0;
        for (Flag flag : flags) {
            Colour colour = colourOn(flag, day);
            if (colour == Colour.RED) {
                red++;
            } else if (colour == Colour.YELLOW) {
                yellow++;
            }
        }
        return new long[] {red, yellow};
    }

    private static List<WeeklyReport.LeaderSection> byLeader(Map<String, TrackedProject> projects, Map<String, Assignment> assignments,
                                                             List<Flag> flags, LocalDate asOf) {
        Map<String, List<Flag>> flagsByProject = flags.stream().filter(f -> colourOn(f, asOf) != null)
                .collect(Collectors.groupingBy(f -> f.projectCode));
        Map<String, WeeklyReport.LeaderSection> sections = new TreeMap<>();
        for (TrackedProject project : projects.values()) {
            Assignment a = assignments.get(project.code);
            if (a == null) {
                continue;
            }
            List<WeeklyReport.FlagLine> lines = flagsByProject.getOrDefault(project.code, List.of()).stream()
                    .sorted(Comparator.comparing((Flag f) -> colourOn(f, asOf)).reversed().thenComparing(f -> f.raisedOn))
                    .map(f -> new WeeklyReport.FlagLine(colourOn(f, asOf).name(), f.rule.label(), f.reason, f.raisedOn))
                    .toList();
            sections.computeIfAbsent(a.leaderName, name -> new WeeklyReport.LeaderSection(name, a.leaderTitle, new ArrayList<>()))
                    .projects().add(new WeeklyReport.ProjectLine(project.code, project.name, project.pool, a.taskForceName,
                            a.leadDepartment, lines));
        }
        return List.copyOf(sections.values());
    }

    private static WeeklyReport.Changes changes(Map<String, TrackedProject> projects, LocalDate monday, LocalDate asOf) {
        List<WeeklyReport.FlagChange> flagChanges = FlagHistory.<FlagHistory>list("asOf >= ?1 and asOf <= ?2 order by id", monday, asOf)
                .stream().filter(h -> projects.containsKey(h.projectCode))
                .map(h -> new WeeklyReport.FlagChange(h.change.name(), h.projectCode, projects.get(h.projectCode).name,
                        h.colour.name(), h.rule.label(), h.reason, h.asOf))
                .toList();
        List<WeeklyReport.ProjectEvent> starts = projects.values().stream()
                .filter(p -> within(p.actualStart, monday, asOf))
                .map(p -> new WeeklyReport.ProjectEvent(p.code, p.name, p.actualStart)).toList();
        List<WeeklyReport.ProjectEvent> completions = projects.values().stream()
                .filter(p -> within(p.actualCompletion, monday, asOf))
                .map(p -> new WeeklyReport.ProjectEvent(p.code, p.name, p.actualCompletion)).toList();
        List<TrackedProblem> problems = TrackedProblem.<TrackedProblem>list("order by raisedOn, problemId").stream()
                .filter(p -> projects.containsKey(p.projectCode)).toList();
        List<WeeklyReport.ProblemLine> raised = problems.stream().filter(p -> within(p.raisedOn, monday, asOf))
                .map(p -> line(p, projects, asOf)).toList();
        List<WeeklyReport.ProblemLine> resolved = problems.stream().filter(p -> within(p.resolvedOn, monday, asOf))
                .map(p -> line(p, projects, asOf)).toList();
        return new WeeklyReport.Changes(flagChanges, starts, completions, raised, resolved);
    }

    private static List<WeeklyReport.DepartmentProblems> openProblems(Map<String, TrackedProject> projects, LocalDate asOf) {
        Map<String, List<WeeklyReport.ProblemLine>> byDepartment = new TreeMap<>();
        TrackedProblem.<TrackedProblem>list("order by raisedOn, problemId").stream()
                .filter(p -> projects.containsKey(p.projectCode) && !p.raisedOn.isAfter(asOf)
                        && (p.resolvedOn == null || p.resolvedOn.isAfter(asOf)))
                .forEach(p -> byDepartment.computeIfAbsent(p.department, d -> new ArrayList<>()).add(line(p, projects, asOf)));
        return byDepartment.entrySet().stream()
                .map(e -> new WeeklyReport.DepartmentProblems(e.getKey(), e.getValue()))
                .toList();
    }

    private static WeeklyReport.ProblemLine line(TrackedProblem p, Map<String, TrackedProject> projects, LocalDate asOf) {
        LocalDate end = p.resolvedOn != null && !p.resolvedOn.isAfter(asOf) ? p.resolvedOn : asOf;
        return new WeeklyReport.ProblemLine(p.problemId, p.projectCode, projects.get(p.projectCode).name, p.title, p.department,
                p.raisedOn, p.resolvedOn != null && !p.resolvedOn.isAfter(asOf) ? p.resolvedOn : null,
                ChronoUnit.DAYS.between(p.raisedOn, end));
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The time-proportional share of the annual plan due by a day of the year. */
    static BigDecimal due(BigDecimal annualPlan, LocalDate day, int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        if (day.isBefore(start)) {
            return BigDecimal.ZERO.setScale(2);
        }
        long elapsed = Math.min(ChronoUnit.DAYS.between(start, day) + 1, start.lengthOfYear());
        return annualPlan.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(start.lengthOfYear()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}

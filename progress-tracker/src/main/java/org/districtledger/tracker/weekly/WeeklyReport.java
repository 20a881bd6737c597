package org.districtledger.tracker.weekly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The weekly scheduling view (周调度) of one ISO week, as of that week's Sunday (or the business date, if
 * earlier). Money in 万元.
 */
public record WeeklyReport(String week, LocalDate monday, LocalDate sunday, LocalDate asOf, Headline headline,
                           List<LeaderSection> byLeader, Changes changes, List<DepartmentProblems> openProblems,
                           Series series) {

    /** The figures at the top of the page. */
    public record Headline(Map<String, Long> projectsByPool, Starts starts, Investment investment, Flags flags) {
    }

    /** Starts against planned new starts (开工率) in the week's year, up to its Sunday. */
    public record Starts(long plannedNewStarts, long started, BigDecimal rate) {
    }

    /** Annual investment completed against the plan and against the time-proportional plan (序时进度). */
    public record Investment(BigDecimal annualPlan, BigDecimal completedYearToDate, BigDecimal timeProportionalPlan,
                             BigDecimal shareOfPlan, BigDecimal shareOfTimeProportionalPlan) {
    }

    /** Open red and yellow flags as of the Sunday, and their change since the Sunday before. */
    public record Flags(long red, long yellow, long redChange, long yellowChange) {
    }

    /** A leader and the projects he or she answers for, with their open flags. */
    public record LeaderSection(String leader, String title, List<ProjectLine> projects) {
    }

    /** A project with its task force and its open flags. */
    public record ProjectLine(String code, String name, String pool, String taskForce, String leadDepartment,
                              List<FlagLine> flags) {
    }

    /** An open flag as a leader reads it. */
    public record FlagLine(String colour, String rule, String reason, LocalDate since) {
    }

    /** What changed in the week. */
    public record Changes(List<FlagChange> flags, List<ProjectEvent> starts, List<ProjectEvent> completions,
                          List<ProblemLine> problemsRaised, List<ProblemLine> problemsResolved) {
    }

    /** A flag raised, escalated or cleared in the week. */
    public record FlagChange(String change, String code, String name, String colour, String rule, String reason, LocalDate on) {
    }

    /** A start or a completion. */
    public record ProjectEvent(String code, String name, LocalDate on) {
    }

    /** A coordination problem; {@code waitingDays} counts to the Sunday while it is open. */
    public record ProblemLine(long id, String code, String name, String title, String department, LocalDate raisedOn,
                              LocalDate resolvedOn, long waitingDays) {
    }

    /** The open problems of one department, oldest first. */
    public record DepartmentProblems(String department, List<ProblemLine> problems) {
    }

    /** Week by week up to this one: investment completed and due, and open flags. */
    public record Series(List<String> weeks, List<BigDecimal> investmentCompleted, List<BigDecimal> investmentDue,
                         List<Long> red, List<Long> yellow) {
    }
}

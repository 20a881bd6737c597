package org.districtledger.tracker.weekly;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.tracker.conversion.ConversionFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The weekly scheduling view (周调度) of one ISO week, as of that week's Sunday (or the business date, if
 * earlier). Money in 万元.
 */
public record WeeklySchedule(
        String week,
        LocalDate monday,
        LocalDate sunday,
        LocalDate asOf,
        Headline headline,
        List<LeaderSection> byLeader,
        List<TaskForceSection> byTaskForce,
        Changes changes,
        List<DepartmentProblems> openProblems,
        Series series,
        List<FunnelStage> funnel,
        ConversionFigures conversion) {

    /** The figures at the top of the page; pools as they were on the as-of day. */
    public record Headline(
            Map<String, Long> projectsByPool,
            Starts starts,
            Investment investment,
            Conversions conversions,
            Flags flags) {}

    /** Forward conversions by one pool (谋划→储备→预备→建设) in the week and in its year up to the as-of day. */
    public record Conversions(long thisWeek, long yearToDate) {}

    /** Starts against planned new starts (开工率) in the week's year, up to its Sunday. */
    public record Starts(long plannedNewStarts, long started, BigDecimal rate) {}

    /** Annual investment completed against the plan and against the time-proportional plan (序时进度). */
    public record Investment(
            BigDecimal annualPlan,
            BigDecimal completedYearToDate,
            BigDecimal timeProportionalPlan,
            BigDecimal shareOfPlan,
            BigDecimal shareOfTimeProportionalPlan) {}

    /** Open red and yellow flags as of the Sunday, and their change since the Sunday before. */
    public record Flags(long red, long yellow, long redChange, long yellowChange) {}

    /** A leader and the projects he or she answers for, with their open flags. */
    public record LeaderSection(String leader, String title, List<ProjectLine> projects) {}

    /** A task force (工作专班), its lead department and leaders, its open flags, and its projects with their flags. */
    public record TaskForceSection(
            String taskForce,
            String leadDepartment,
            List<String> leaders,
            long red,
            long yellow,
            List<ProjectLine> projects) {}

    /** A project with its leader, task force and open flags. */
    public record ProjectLine(
            String code,
            String name,
            String pool,
            String leader,
            String taskForce,
            String leadDepartment,
            List<FlagLine> flags) {}

    /** An open flag as a leader reads it. */
    public record FlagLine(String colour, String rule, String reason, LocalDate since) {}

    /** What changed in the week. */
    public record Changes(
            List<FlagChange> flags,
            List<DatedProject> starts,
            List<DatedProject> completions,
            List<ConversionLine> conversions,
            List<ProblemLine> problemsRaised,
            List<ProblemLine> problemsResolved,
            List<EditLine> edits) {}

    /**
     * A field of a project the office edited in the week, with its old and new value as the event gave them and as
     * the office reads them ({@code text}, e.g. 计划开工 2023-04-15 → 2023-07-01).
     */
    public record EditLine(
            String code,
            String name,
            String field,
            String label,
            JsonNode oldValue,
            JsonNode newValue,
            String text,
            LocalDate on) {}

    /** A move between pools in the week. */
    public record ConversionLine(
            String code, String name, String from, String to, LocalDate on, boolean forwardByOne) {}

    /** A flag raised, escalated or cleared in the week. */
    public record FlagChange(
            String change, String code, String name, String colour, String rule, String reason, LocalDate on) {}

    /** A start or a completion. */
    public record DatedProject(String code, String name, LocalDate on) {}

    /** A coordination problem; {@code waitingDays} counts to the Sunday while it is open. */
    public record ProblemLine(
            long id,
            String code,
            String name,
            String title,
            String department,
            LocalDate raisedOn,
            LocalDate resolvedOn,
            long waitingDays) {}

    /** The open problems of one department, oldest first. */
    public record DepartmentProblems(String department, List<ProblemLine> problems) {}

    /**
     * One of the four pools in the conversion funnel: its projects on the as-of day, and the forward conversions
     * into and out of it in the year so far.
     */
    public record FunnelStage(String pool, long projects, long convertedIn, long convertedOut) {}

    /** Week by week up to this one: investment completed and due, and open flags. */
    public record Series(
            List<String> weeks,
            List<BigDecimal> investmentCompleted,
            List<BigDecimal> investmentDue,
            List<Long> red,
            List<Long> yellow) {}
}

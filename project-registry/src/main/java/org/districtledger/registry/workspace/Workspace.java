package org.districtledger.registry.workspace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a signed-in user has to do in a week (项目工作台): his projects and, for each, what is due.
 *
 * @param isoWeek the week looked at
 * @param asOf the day the dues are counted on: the week's Sunday, or today while the week runs
 */
public record Workspace(String user, String role, String isoWeek, LocalDate asOf, Counts counts, List<Item> projects) {

    /** The counts at the top of the page. */
    public record Counts(
            int projects, int reportsDue, int permitsDue, int permitsOverdue, int milestonesDue, int problemsWaiting) {}

    /** One project of the user's and what is due on it. */
    public record Item(
            String code,
            String name,
            String pool,
            String poolLabel,
            String town,
            String industryChain,
            String taskForce,
            String leaderAccount,
            boolean takesWeeklyReport,
            boolean reportDue,
            LastReport lastReport,
            LastReport thisWeek,
            List<PermitDue> permits,
            List<MilestoneDue> milestones,
            List<ProblemWaiting> problems,
            boolean canReport) {}

    /** A weekly report as the grid shows it. */
    public record LastReport(
            String isoWeek,
            BigDecimal investmentCompleted,
            int imageProgressPercent,
            String imageProgressNote,
            String siteStatus,
            String problemsRaised) {}

    /** A permit not yet in hand whose target date has passed or comes within the look-ahead. */
    public record PermitDue(String type, String label, String status, LocalDate targetDate, long daysLate) {}

    /** A planned start or completion that has passed or comes within the look-ahead and has not happened. */
    public record MilestoneDue(String type, String label, LocalDate plannedDate, long daysLate) {}

    /** An open problem waiting on a department, and for how long. */
    public record ProblemWaiting(
            long id, String title, String department, LocalDate raisedOn, long daysWaiting, LocalDate dueDate) {}
}

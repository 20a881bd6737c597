package org.districtledger.tracker.weekly;

import jakarta.persistence.EntityManager;
import org.districtledger.contract.IsoWeek;
import org.districtledger.tracker.flag.Colour;
import org.districtledger.tracker.flag.Flag;
import org.districtledger.tracker.flag.FlagHistory;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the tracker knew on a business day: each project as its latest event recorded by then left it, each
 * assignment as it stood, and each flag with its colour and reason as the rules found them in that day's week. A
 * project the tracker learnt of later is not in it; a report or an assignment changed later shows as it was.
 */
record LedgerOnDay(
        LocalDate day,
        Map<String, ProjectOnDay> projects,
        Map<String, AssignmentOnDay> assignments,
        List<FlagOnDay> flags) {

    /** A project as the tracker knew it on the day; {@code sequence} is that of the event that left it so. */
    record ProjectOnDay(
            String code,
            long sequence,
            String name,
            String pool,
            String cityCategory,
            String industryChain,
            String town,
            int planYear,
            BigDecimal annualPlanInvestment,
            LocalDate plannedStart,
            LocalDate actualStart,
            LocalDate actualCompletion,
            boolean keyConversion,
            String conversionTargetPool,
            LocalDate conversionTargetDate) {}

    /** A project's leader and task force (包联) as they stood on the day. */
    record AssignmentOnDay(String leaderName, String leaderTitle, String taskForceName, String leadDepartment) {}

    /**
     * A flag raised by the day, with its steps (to know its colour on any day up to it) and its reason as the rules
     * last found it in the day's week.
     */
    record FlagOnDay(Flag flag, List<FlagHistory> steps, String reason) {

        /** The colour it had on a day, or {@code null} if it was not open then. */
        Colour colourOn(LocalDate on) {
            if (flag.raisedOn.isAfter(on) || (flag.clearedOn != null && !flag.clearedOn.isAfter(on))) {
                return null;
            }
            Colour colour = null;
            for (FlagHistory step : steps) {
                if (step.asOf.isAfter(on)) {
                    break;
                }
                colour = step.change == FlagHistory.Change.CLEARED ? null : step.colour;
            }
            // a flag from before its steps were kept: its colour now, yellow before its escalation
            if (colour == null && steps.isEmpty()) {
                colour = flag.colour == Colour.RED && flag.escalatedOn != null && on.isBefore(flag.escalatedOn)
                        ? Colour.YELLOW
                        : flag.colour;
            }
            return colour;
        }
    }

    /** What was known on {@code day}; assignments from before business dates were kept count from the day they changed, in {@code zone}. */
    static LedgerOnDay load(EntityManager entities, LocalDate day, ZoneId zone) {
        Map<String, ProjectOnDay> projects = new LinkedHashMap<>();
        for (Object row : entities.createNativeQuery(
                        // each project's latest version recorded by the day: the one not yet superseded that day
                        "SELECT project_code, sequence, name, pool, city_category,"
                                + " industry_chain, town, plan_year, annual_plan_investment, planned_start,"
                                + " actual_start, actual_completion, key_conversion, conversion_target_pool,"
                                + " conversion_target_date FROM tracked_project_version"
                                + " WHERE recorded_on <= ?1 AND (superseded_on IS NULL OR superseded_on > ?1)"
                                + " ORDER BY project_code, sequence",
                        Object[].class)
                .setParameter(1, day)
                .getResultList()) {
            Object[] c = (Object[]) row;
            projects.put(
                    (String) c[0],
                    new ProjectOnDay(
                            (String) c[0],
                            ((Number) c[1]).longValue(),
                            (String) c[2],
                            (String) c[3],
                            (String) c[4],
                            (String) c[5],
                            (String) c[6],
                            ((Number) c[7]).intValue(),
                            ((BigDecimal) c[8]).setScale(2),
                            date(c[9]),
                            date(c[10]),
                            date(c[11]),
                            Boolean.TRUE.equals(c[12]),
                            (String) c[13],
                            date(c[14])));
        }

        Map<String, AssignmentOnDay> assignments = new HashMap<>();
        for (Object row : entities.createNativeQuery(
                        "SELECT DISTINCT ON (project_code) project_code, leader_name, leader_title, task_force_name,"
                                + " lead_department FROM assignment_history"
                                + " WHERE COALESCE(recorded_on, CAST(changed_at AT TIME ZONE ?2 AS DATE)) <= ?1"
                                + " ORDER BY project_code, version DESC",
                        Object[].class)
                .setParameter(1, day)
                .setParameter(2, zone.getId())
                .getResultList()) {
            Object[] c = (Object[]) row;
            if (projects.containsKey((String) c[0])) {
                assignments.put(
                        (String) c[0], new AssignmentOnDay((String) c[1], (String) c[2], (String) c[3], (String) c[4]));
            }
        }

        List<Flag> raised = Flag.<Flag>list("raisedOn <= ?1 order by id", day).stream()
                .filter(f -> projects.containsKey(f.projectCode))
                .toList();
        Set<Long> ids = raised.stream().map(f -> f.id).collect(Collectors.toSet());
        Map<Long, List<FlagHistory>> steps = new HashMap<>();
        if (!ids.isEmpty()) {
            for (FlagHistory step : FlagHistory.<FlagHistory>list("asOf <= ?1 order by id", day)) {
                if (ids.contains(step.flagId)) {
                    steps.computeIfAbsent(step.flagId, id -> new ArrayList<>()).add(step);
                }
            }
        }
        Map<Long, String> reasons = new HashMap<>();
        for (Object row : entities.createNativeQuery(
                        "SELECT flag_id, reason FROM flag_week WHERE iso_week = ?1 AND as_of <= ?2", Object[].class)
                .setParameter(1, IsoWeek.of(day).toString())
                .setParameter(2, day)
                .getResultList()) {
            Object[] c = (Object[]) row;
            reasons.put(((Number) c[0]).longValue(), (String) c[1]);
        }
        List<FlagOnDay> flags = new ArrayList<>();
        for (Flag flag : raised) {
            List<FlagHistory> own = steps.getOrDefault(flag.id, List.of());
            // the reason of the day's week; else of its last step by then; else the flag's own
            String reason = reasons.get(flag.id);
            if (reason == null && !own.isEmpty()) {
                reason = own.get(own.size() - 1).reason;
            }
            flags.add(new FlagOnDay(flag, own, reason != null ? reason : flag.reason));
        }
        return new LedgerOnDay(day, projects, assignments, flags);
    }

    /** A date column as JDBC hands it over (an SQL date or a LocalDate), or {@code null}. */
    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}

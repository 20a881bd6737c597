package org.districtledger.tracker.project;

import jakarta.persistence.LockModeType;
import org.districtledger.runtime.JdbcBatch;
import org.hibernate.Session;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the read model needs to apply a batch of events, read in a few queries for the whole batch rather than a few
 * for each event, and the project versions the batch writes, sent in one JDBC batch at its end.
 *
 * @param seen the ids of the events already taken (processed or parked), and of those the batch takes
 * @param projects the batch's projects as the tracker has them, locked, and those the batch registers
 * @param parked the batch's projects with events waiting for a missing one
 * @param versions each project as an event left it, to keep for the weekly view of past weeks
 */
record Batch(Set<UUID> seen, Map<String, TrackedProject> projects, Set<String> parked, List<Object[]> versions) {

    private static final String INSERT_VERSION =
            "INSERT INTO tracked_project_version (project_code, sequence, recorded_on, name, pool, city_category,"
                    + " industry_chain, town, plan_year, annual_plan_investment, planned_start, actual_start,"
                    + " actual_completion, pool_since, key_conversion, conversion_target_pool, conversion_target_date)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** The versions before a new one are superseded from the day it was recorded (unless already from earlier). */
    private static final String SUPERSEDE_VERSIONS = "UPDATE tracked_project_version SET superseded_on = ?"
            + " WHERE project_code = ? AND sequence < ? AND (superseded_on IS NULL OR superseded_on > ?)";

    private static final int[] VERSION_TYPES = {
        Types.VARCHAR,
        Types.BIGINT,
        Types.DATE,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.NUMERIC,
        Types.DATE,
        Types.DATE,
        Types.DATE,
        Types.DATE,
        Types.BOOLEAN,
        Types.VARCHAR,
        Types.DATE
    };

    /**
     * Reads what the events' projects are in the tracker: which events it took already, each project locked (in the
     * order of their codes, as the flag evaluation locks them), and which wait for a missing event.
     */
    static Batch load(List<ProjectEvent> events) {
        List<UUID> ids = events.stream().map(ProjectEvent::id).distinct().toList();
        List<String> codes =
                events.stream().map(ProjectEvent::code).distinct().sorted().toList();
        var entityManager = TrackedProject.getEntityManager();
        Set<UUID> seen = new HashSet<>(entityManager
                .createQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
        seen.addAll(entityManager
                .createQuery("select p.eventId from ParkedEvent p where p.eventId in :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
        Map<String, TrackedProject> projects = new HashMap<>();
        entityManager
                .createQuery(
                        "select p from TrackedProject p where p.code in :codes order by p.code", TrackedProject.class)
                .setParameter("codes", codes)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(project -> projects.put(project.code, project));
        Set<String> parked = new HashSet<>(entityManager
                .createQuery(
                        "select distinct p.projectCode from ParkedEvent p where p.projectCode in :codes", String.class)
                .setParameter("codes", codes)
                .getResultList());
        return new Batch(seen, projects, parked, new ArrayList<>());
    }

    /** The batch of one project an operator releases, as it stands (or {@code null}, not yet known). */
    static Batch of(TrackedProject project) {
        Map<String, TrackedProject> projects = new HashMap<>();
        if (project != null) {
            projects.put(project.code, project);
        }
        return new Batch(new HashSet<>(), projects, new HashSet<>(), new ArrayList<>());
    }

    /** The project as the event left it, from the day it was recorded (the weekly view of a past week reads it). */
    static Object[] version(TrackedProject p, LocalDate recordedOn) {
        return new Object[] {
            p.code,
            p.lastSequence,
            recordedOn,
            p.name,
            p.pool,
            p.cityCategory,
            p.industryChain,
            p.town,
            p.planYear,
            p.annualPlanInvestment,
            p.plannedStart,
            p.actualStart,
            p.actualCompletion,
            p.poolSince,
            p.keyConversion,
            p.conversionTargetPool,
            p.conversionTargetDate
        };
    }

    /**
     * Writes the versions the batch kept, in one JDBC batch (one multi-row insert, as the driver rewrites it), and marks
     * the versions they supersede in another (none for a project's first event).
     */
    void writeVersions(Session session) {
        JdbcBatch.execute(session, INSERT_VERSION, versions, (insert, version) -> {
            for (int i = 0; i < version.length; i++) {
                Object value = version[i] instanceof LocalDate day ? Date.valueOf(day) : version[i];
                if (value == null) {
                    insert.setNull(i + 1, VERSION_TYPES[i]);
                } else {
                    insert.setObject(i + 1, value, VERSION_TYPES[i]);
                }
            }
        });
        List<Object[]> superseding =
                versions.stream().filter(version -> (Long) version[1] > 1).toList();
        JdbcBatch.execute(session, SUPERSEDE_VERSIONS, superseding, (update, version) -> {
            Date recordedOn = Date.valueOf((LocalDate) version[2]);
            update.setDate(1, recordedOn);
            update.setString(2, (String) version[0]);
            update.setLong(3, (Long) version[1]);
            update.setDate(4, recordedOn);
        });
        versions.clear();
    }
}

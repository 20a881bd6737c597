package org.districtledger.tracker.flag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.districtledger.contract.AlertEventType;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.runtime.JdbcBatch;
import org.districtledger.runtime.SchemaMigration;
import org.districtledger.runtime.SessionLock;
import org.districtledger.tracker.alert.AlertOutbox;
import org.districtledger.tracker.assignment.Assignment;
import org.districtledger.tracker.clock.BusinessClock;
import org.districtledger.tracker.clock.ClockMoved;
import org.districtledger.tracker.project.EventTracing;
import org.districtledger.tracker.project.ProjectsChanged;
import org.districtledger.tracker.project.TimelineEntry;
import org.districtledger.tracker.project.TrackedProcedure;
import org.districtledger.tracker.project.TrackedProject;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Raises, escalates and clears flags by what the rules find, keeps each step as history and in the
 * project's timeline, and announces it on {@code ledger.tracker-alerts}. Rules run when a project's events
 * arrive, when its assignment changes, when the business clock is set, and every night.
 */
@ApplicationScoped
public class FlagService {

    private static final Logger LOG = Logger.getLogger(FlagService.class);
    private static final int CHUNK = 200;
    /** The nightly run's advisory lock ("LEDGERNF"): one replica evaluates every project, the others skip. */
    static final long NIGHTLY_LOCK = 0x4c45444745524e46L;

    private final FlagRules rules;
    private final RuleVersions versions;
    private final BusinessClock clock;
    private final AlertOutbox alerts;
    private final SchemaMigration schema;
    private final ObjectMapper json;
    private final AgroalDataSource dataSource;
    private final EventTracing tracing;

    public FlagService(
            FlagSettings settings,
            RuleVersions versions,
            BusinessClock clock,
            AlertOutbox alerts,
            SchemaMigration schema,
            ObjectMapper json,
            AgroalDataSource dataSource,
            EventTracing tracing) {
        this.json = json;
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.rules = new FlagRules(settings);
        this.versions = versions;
        this.clock = clock;
        this.alerts = alerts;
        this.schema = schema;
    }

    public FlagRules rules() {
        return rules;
    }

    /** The projects changed: their rules are evaluated as of the change's date, in its transaction. */
    void onProjectsChanged(@Observes ProjectsChanged changed) {
        evaluate(changed.codes(), changed.asOf(), changed.causes());
    }

    /** The clock moved: every project is evaluated again as of its new date. */
    void onClockMoved(@Observes ClockMoved moved) {
        evaluateAll();
    }

    /**
     * Evaluates the rules for these projects as of a date, in the caller's transaction: what the rules look at is
     * read for all of them at once (four queries, whatever their number), then each project's flags are reconciled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(Collection<String> codes, LocalDate asOf) {
        evaluate(codes, asOf, Map.of());
    }

    /**
     * As {@link #evaluate(Collection, LocalDate)}, each project's evaluation in the trace of the event that changed it
     * ({@code causes}), so that the alerts it publishes carry that trace on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(Collection<String> codes, LocalDate asOf, Map<String, Context> causes) {
        if (codes.isEmpty()) {
            return;
        }
        Session session = TrackedProject.getEntityManager().unwrap(Session.class);
        FlushMode before = session.getHibernateFlushMode();
        session.flush(); // what the caller changed (an assignment, a project), for the reads below
        // everything the rules read is read at once, first: no statement after that needs the session flushed
        session.setHibernateFlushMode(FlushMode.COMMIT);
        List<Object[]> weeks = new ArrayList<>();
        try {
            evaluateLoaded(codes, asOf, causes, weeks);
            session.flush();
            writeWeeks(session, weeks);
        } finally {
            session.setHibernateFlushMode(before);
        }
    }

    private void evaluateLoaded(
            Collection<String> codes, LocalDate asOf, Map<String, Context> causes, List<Object[]> weeks) {
        List<String> sorted = codes.stream().distinct().sorted().toList();
        // locked, in the order of their codes, so that events arriving meanwhile and this evaluation take turns
        List<TrackedProject> projects = TrackedProject.getEntityManager()
                .createQuery(
                        "select p from TrackedProject p where p.code in :codes order by p.code", TrackedProject.class)
                .setParameter("codes", sorted)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<String, List<TrackedProcedure>> procedures =
                TrackedProcedure.<TrackedProcedure>list("id.projectCode in ?1", sorted).stream()
                        .collect(Collectors.groupingBy(procedure -> procedure.id.projectCode()));
        // loaded whole: an alert names the project's leader and task force
        Map<String, Assignment> assigned = Assignment.<Assignment>list("projectCode in ?1", sorted).stream()
                .collect(Collectors.toMap(assignment -> assignment.projectCode, assignment -> assignment));
        Map<String, List<Flag>> open =
                Flag.<Flag>list("projectCode in ?1 and state = ?2", sorted, Flag.State.OPEN).stream()
                        .collect(Collectors.groupingBy(flag -> flag.projectCode));
        for (TrackedProject project : projects) {
            Assignment assignment = assigned.get(project.code);
            ProjectFacts facts = facts(project, procedures.getOrDefault(project.code, List.of()), assignment != null);
            Evaluated evaluated = new Evaluated(project, assignment, asOf);
            List<Flag> openFlags = open.getOrDefault(project.code, List.of());
            Context cause = causes.get(project.code);
            if (cause == null) { // a request's own trace, or none (the nightly run)
                reconcile(evaluated, rules.evaluate(facts, asOf), openFlags, weeks);
                continue;
            }
            Span span = tracing.evaluating(project.code, cause);
            try (Scope evaluating = span.makeCurrent()) {
                reconcile(evaluated, rules.evaluate(facts, asOf), openFlags, weeks);
            } finally {
                span.end();
            }
        }
    }

    /** Evaluates every project as of the business date, a chunk of projects per transaction. */
    public void evaluateAll() {
        LocalDate asOf = clock.today();
        List<String> codes = QuarkusTransaction.requiringNew()
                .call(() -> TrackedProject.getEntityManager()
                        .createQuery("select p.code from TrackedProject p order by p.code", String.class)
                        .getResultList());
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> chunk = codes.subList(from, Math.min(from + CHUNK, codes.size()));
            try {
                QuarkusTransaction.requiringNew().run(() -> evaluate(chunk, asOf));
            } catch (RuntimeException contended) {
                // a chunk can meet the consumer's locks the other way round: take its projects one at a time
                for (String code : chunk) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> evaluate(List.of(code), asOf));
                    } catch (RuntimeException failed) {
                        LOG.warnf("Flags of %s not evaluated as of %s: %s", code, asOf, failed.getMessage());
                    }
                }
            }
        }
        LOG.infof("Flags evaluated for %d projects as of %s", codes.size(), asOf);
    }

    /** Time alone makes a project stall: every night the rules run for every project. */
    @Scheduled(cron = "{ledger.flags.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        nightly();
    }

    /**
     * The nightly run, on one replica: the one that takes the advisory lock evaluates every project while it holds
     * it; the others, whose crons fire at the same minute, find it taken and skip. Answers whether this one ran.
     */
    boolean nightly() {
        if (!schema.migrated()) {
            return false;
        }
        try {
            boolean ran = SessionLock.runAlone(dataSource, NIGHTLY_LOCK, session -> evaluateAll());
            if (!ran) {
                LOG.info("The nightly flag run is another replica's tonight");
            }
            return ran;
        } catch (SQLException e) {
            LOG.warnf("The nightly flag run is skipped tonight: %s", e.getMessage());
            return false;
        }
    }

    /** A project being evaluated: its accountability assignment (or none) and the date it is evaluated as of. */
    private record Evaluated(TrackedProject project, Assignment assignment, LocalDate asOf) {}

    private void reconcile(Evaluated evaluated, List<Finding> findings, List<Flag> openFlags, List<Object[]> weeks) {
        LocalDate asOf = evaluated.asOf();
        Map<String, Flag> open = new HashMap<>();
        for (Flag flag : openFlags) {
            open.put(flag.rule + "/" + flag.subject, flag);
        }
        for (Finding finding : findings) {
            Flag flag = open.remove(finding.rule() + "/" + finding.subject());
            if (flag == null) {
                flag = raise(evaluated, finding);
            } else if (flag.colour == Colour.YELLOW && finding.colour() == Colour.RED) {
                update(flag, finding);
                flag.escalatedOn = asOf;
                step(evaluated, flag, FlagHistory.Change.ESCALATED);
            } else if (flag.colour == Colour.RED && finding.colour() == Colour.YELLOW) {
                // the same flag, open since the day it was raised: only its colour goes back
                update(flag, finding);
                flag.escalatedOn = null;
                step(evaluated, flag, FlagHistory.Change.DEESCALATED);
            } else {
                update(flag, finding);
            }
            weeks.add(week(flag, asOf));
        }
        for (Flag gone : open.values()) {
            clear(evaluated, gone);
        }
    }

    /** The flag's colour, reason and figures as the rule finds them now, and the version of the rule that did. */
    private void update(Flag flag, Finding finding) {
        flag.colour = finding.colour();
        flag.reason = finding.reason();
        flag.inputs = new LinkedHashMap<>(finding.inputs());
        flag.ruleVersion = versions.of(finding.rule());
    }

    /**
     * The flag as the rules found it in the week of {@code asOf} (the latest finding of the week wins), so that the
     * weekly view of a past week shows the colour and reason it showed then; written by {@link #writeWeeks}.
     */
    private Object[] week(Flag flag, LocalDate asOf) {
        try {
            return new Object[] {
                flag.id,
                IsoWeek.of(asOf).toString(),
                Date.valueOf(asOf),
                flag.colour.name(),
                flag.reason,
                json.writeValueAsString(flag.inputs),
                flag.ruleVersion
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flag's inputs are text", e);
        }
    }

    /** Writes an evaluation's flag weeks in one JDBC batch, once its flags are in the database. */
    private static void writeWeeks(Session session, List<Object[]> weeks) {
        JdbcBatch.execute(
                session,
                "INSERT INTO flag_week (flag_id, iso_week, as_of, colour, reason, inputs, rule_version)"
                        + " VALUES (?, ?, ?, ?, ?, CAST(? AS json), ?) ON CONFLICT (flag_id, iso_week) DO UPDATE"
                        + " SET as_of = EXCLUDED.as_of, colour = EXCLUDED.colour, reason = EXCLUDED.reason,"
                        + " inputs = EXCLUDED.inputs, rule_version = EXCLUDED.rule_version"
                        + " WHERE flag_week.as_of <= EXCLUDED.as_of",
                weeks,
                (upsert, week) -> {
                    for (int i = 0; i < week.length; i++) {
                        upsert.setObject(i + 1, week[i]);
                    }
                });
    }

    private Flag raise(Evaluated evaluated, Finding finding) {
        Flag flag = new Flag();
        flag.projectCode = evaluated.project().code;
        flag.rule = finding.rule();
        flag.subject = finding.subject();
        update(flag, finding);
        flag.state = Flag.State.OPEN;
        flag.raisedOn = evaluated.asOf();
        flag.persist();
        step(evaluated, flag, FlagHistory.Change.RAISED);
        return flag;
    }

    private void clear(Evaluated evaluated, Flag flag) {
        flag.state = Flag.State.CLEARED;
        flag.clearedOn = evaluated.asOf();
        Flag.flush(); // before a new flag of the same rule may be raised: one open flag per rule and subject
        step(evaluated, flag, FlagHistory.Change.CLEARED);
    }

    private void step(Evaluated evaluated, Flag flag, FlagHistory.Change change) {
        TrackedProject project = evaluated.project();
        LocalDate asOf = evaluated.asOf();
        FlagHistory history = new FlagHistory();
        history.flagId = flag.id;
        history.projectCode = flag.projectCode;
        history.rule = flag.rule;
        history.subject = flag.subject;
        history.change = change;
        history.colour = flag.colour;
        history.reason = flag.reason;
        history.inputs = new LinkedHashMap<>(flag.inputs);
        history.ruleVersion = flag.ruleVersion;
        history.asOf = asOf;
        history.recordedAt = Instant.now();
        history.persist();

        String what = switch (change) {
            case RAISED -> "亮" + flag.colour.label() + "灯";
            case ESCALATED -> "升级为红灯";
            case DEESCALATED -> "降为黄灯";
            case CLEARED -> "消除" + flag.colour.label() + "灯";
        };
        TimelineEntry.add(
                project.code,
                Instant.now(),
                TimelineEntry.Kind.FLAG,
                change.name(),
                what + "【" + flag.rule.label() + "】" + flag.reason + "（截至 " + asOf + "）");

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("asOf", asOf);
        content.put("flag", FlagView.of(flag, project, evaluated.assignment()));
        alerts.publish(
                project,
                switch (change) {
                    case RAISED -> AlertEventType.FLAG_RAISED;
                    case ESCALATED -> AlertEventType.FLAG_ESCALATED;
                    case DEESCALATED -> AlertEventType.FLAG_DEESCALATED;
                    case CLEARED -> AlertEventType.FLAG_CLEARED;
                },
                content);
    }

    /** Since when the project has been on the ledger as it stands: in its pool, or since the tracker heard of it. */
    private static LocalDate knownSince(TrackedProject p) {
        if (p.poolSince == null) {
            return p.registeredOn;
        }
        return p.registeredOn == null || p.poolSince.isBefore(p.registeredOn) ? p.poolSince : p.registeredOn;
    }

    private static ProjectFacts facts(TrackedProject p, List<TrackedProcedure> permits, boolean assigned) {
        List<ProjectFacts.Procedure> procedures = permits.stream()
                .map(t -> new ProjectFacts.Procedure(
                        t.id.type(), t.label, ProcedureStatus.valueOf(t.status), t.targetDate))
                .toList();
        return new ProjectFacts(
                p.code,
                Pool.valueOf(p.pool),
                p.planYear,
                p.totalInvestment,
                p.annualPlanInvestment,
                p.investmentCompletedPlanYear,
                p.plannedStart,
                p.actualStart,
                p.poolSince,
                p.lastReportedWeek,
                p.keyConversion,
                knownSince(p),
                assigned,
                procedures,
                p.plannedCompletion,
                p.actualCompletion,
                p.conversionTargetPool == null ? null : Pool.valueOf(p.conversionTargetPool),
                p.conversionTargetDate);
    }
}

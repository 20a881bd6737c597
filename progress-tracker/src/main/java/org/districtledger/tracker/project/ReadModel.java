package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.tracker.clock.BusinessClock;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the registry's events to the tracker's copy of each project, each event once, in each project's
 * order: a repeated event is skipped by its id and an old one by its sequence number. An event that comes before
 * an earlier one of its project is parked ({@link ParkedEvent}): the project waits, the others flow, and the parked
 * events are applied in order as soon as the missing one arrives, or when an operator releases the gap
 * ({@link #release}). The projects a batch changed have their flags evaluated in the same transaction.
 */
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    /** What applying an event did. */
    public enum Result {
        APPLIED,
        DUPLICATE,
        OUTDATED,
        /** It came before an earlier event of its project, and waits for it. */
        PARKED
    }

    private final Event<ProjectsChanged> changes;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final EventTracing tracing;

    public ReadModel(Event<ProjectsChanged> changes, BusinessClock clock, ObjectMapper json, EventTracing tracing) {
        this.tracing = tracing;
        this.changes = changes;
        this.clock = clock;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Applies a batch of events in one transaction, then announces the projects they changed (their flags are evaluated in it). */
    @Transactional
    public List<Result> applyAll(List<ProjectEvent> events) {
        return applyAll(events, true);
    }

    /**
     * Applies the events without announcing them, so without evaluating flags: the way to keep a good event when the rules fail on it
     * (the nightly run evaluates them again).
     */
    @Transactional
    public List<Result> applyWithoutFlags(List<ProjectEvent> events) {
        return applyAll(events, false);
    }

    private List<Result> applyAll(List<ProjectEvent> events, boolean evaluateFlags) {
        List<Result> results = new ArrayList<>(events.size());
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Context> causes = new HashMap<>();
        LocalDate clockDate = clock.setDate().orElse(null);
        Session session = TrackedProject.getEntityManager().unwrap(Session.class);
        // what the batch reads it reads up front (Batch.load); its writes go out together at the end, in JDBC batches
        session.setHibernateFlushMode(FlushMode.COMMIT);
        Batch batch = Batch.load(events);
        for (ProjectEvent event : events) {
            Span span = tracing.applying(event);
            try (Scope applying = span.makeCurrent()) {
                Result result = apply(event, recordedOn(event, clockDate), batch);
                span.setAttribute("ledger.event.outcome", result.name().toLowerCase(Locale.ROOT));
                results.add(result);
                if (result == Result.APPLIED) {
                    changed.add(event.code());
                    causes.put(event.code(), Context.current());
                    applyParked(event.code(), clockDate, batch);
                }
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                span.end();
            }
        }
        batch.writeVersions(session);
        session.flush();
        session.setHibernateFlushMode(FlushMode.AUTO);
        if (evaluateFlags && !changed.isEmpty()) {
            changes.fire(new ProjectsChanged(changed, clock.today(), causes));
        }
        return results;
    }

    /**
     * The business date an event is recorded on: the clock's, when it is set (a simulation, a meeting "as of" a day),
     * else the district's date of the event itself, so that a replay records each event on the day it was first.
     */
    private LocalDate recordedOn(ProjectEvent event, LocalDate clockDate) {
        return clockDate != null ? clockDate : clock.dateOf(event.time());
    }

    private Result apply(ProjectEvent event, LocalDate recordedOn, Batch batch) {
        if (!batch.seen().add(event.id())) {
            return Result.DUPLICATE;
        }
        TrackedProject project = batch.projects().get(event.code());
        long expected = project == null ? 1 : project.lastSequence + 1;
        if (event.sequence() > expected) {
            park(event, expected, batch);
            return Result.PARKED;
        }
        Result result = event.sequence() < expected ? Result.OUTDATED : applyNext(event, project, recordedOn, batch);
        processed(event, result);
        return result;
    }

    /** Applies the event that follows the project's last one (or the first of a new project). */
    private Result applyNext(ProjectEvent event, TrackedProject project, LocalDate recordedOn, Batch batch) {
        boolean isNew = project == null;
        if (isNew) {
            project = new TrackedProject();
            project.code = event.code();
            project.registeredOn = clock.dateOf(event.time());
        }
        String poolBefore = project.pool;
        copyState(event, project);
        if (isNew) {
            project.persist(); // after its state is copied: the insert takes the state it has when persisted
            batch.projects().put(project.code, project);
        }
        batch.versions().add(Batch.version(project, recordedOn));
        applyChange(event, poolBefore, recordedOn);
        TimelineEntry.add(event.code(), event.time(), TimelineEntry.Kind.EVENT, event.type(), EventSummaries.of(event));
        return Result.APPLIED;
    }

    private static void processed(ProjectEvent event, Result result) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = event.id();
        processed.projectCode = event.code();
        processed.sequence = event.sequence();
        processed.eventType = event.type();
        processed.outcome = result == Result.APPLIED ? ProcessedEvent.Outcome.APPLIED : ProcessedEvent.Outcome.OUTDATED;
        processed.processedAt = Instant.now();
        processed.persist();
    }

    private void park(ProjectEvent event, long expected, Batch batch) {
        if (batch.parked().add(event.code())) {
            TimelineEntry.add(
                    event.code(),
                    event.time(),
                    TimelineEntry.Kind.EVENT,
                    "parked",
                    "缺少第 " + expected + " 号事件，第 " + event.sequence() + " 号及以后的事件暂缓应用，等待补齐或人工放行");
        }
        ParkedEvent.of(event, expected, json).persist();
        LOG.warnf(
                "Events of %s are missing: expected sequence %d, got %d (%s); parked it until the missing one comes"
                        + " or an operator releases the gap",
                event.code(), expected, event.sequence(), event.type());
    }

    /** Applies the project's parked events that now follow its last one, in order. */
    private void applyParked(String code, LocalDate clockDate, Batch batch) {
        if (!batch.parked().contains(code)) {
            return;
        }
        ParkedEvent.flush(); // the batch's own parked events too
        while (true) {
            TrackedProject project = batch.projects().get(code);
            List<ParkedEvent> parked = ParkedEvent.list("projectCode = ?1 order by sequence", code);
            if (parked.isEmpty() || parked.get(0).sequence > project.lastSequence + 1) {
                return;
            }
            ParkedEvent next = parked.get(0);
            ProjectEvent event = next.event(json);
            next.delete();
            ParkedEvent.flush();
            Result result = event.sequence() == project.lastSequence + 1
                    ? applyNext(event, project, recordedOn(event, clockDate), batch)
                    : Result.OUTDATED;
            processed(event, result);
        }
    }

    /** The projects whose events wait for a missing one, the oldest wait first. */
    public List<ParkedProject> parked() {
        return ParkedEvent.getEntityManager()
                .createQuery(
                        "select p.projectCode, min(p.expectedSequence), min(p.sequence), count(p), min(p.parkedAt)"
                                + " from ParkedEvent p group by p.projectCode order by min(p.parkedAt)",
                        Object[].class)
                .getResultList()
                .stream()
                .map(row -> new ParkedProject(
                        (String) row[0], (Long) row[1], (Long) row[2], ((Number) row[3]).intValue(), (Instant) row[4]))
                .toList();
    }

    /**
     * An operator's release of a parked project: the missing events are given up for lost (the registry's later
     * state carries what they changed in the project itself), the parked ones are applied in order, and the release
     * is kept in the audit trail. An event that turns up later is then outdated.
     */
    @Transactional
    public GapRelease release(String code, String reason, String actor) {
        TrackedProject project = TrackedProject.findById(code, LockModeType.PESSIMISTIC_WRITE);
        List<ParkedEvent> parked = ParkedEvent.list("projectCode = ?1 order by sequence", code);
        if (parked.isEmpty()) {
            throw HttpProblemException.notFound("Parked project", code);
        }
        long missingFrom = project == null ? 1 : project.lastSequence + 1;
        long missingTo = parked.get(0).sequence - 1;
        LocalDate clockDate = clock.setDate().orElse(null);
        Batch batch = Batch.of(project);
        int applied = 0;
        for (ParkedEvent next : parked) {
            ProjectEvent event = next.event(json);
            next.delete();
            project = batch.projects().get(code);
            long expected = project == null ? 1 : project.lastSequence + 1;
            Result result;
            if (event.sequence() < expected) {
                result = Result.OUTDATED;
            } else {
                result = applyNext(event, project, recordedOn(event, clockDate), batch);
                if (event.sequence() > expected) {
                    batch.projects().get(code).sequenceGaps++;
                }
                applied++;
            }
            processed(event, result);
        }
        batch.writeVersions(TrackedProject.getEntityManager().unwrap(Session.class));
        GapRelease release = GapRelease.record(code, missingFrom, missingTo, applied, reason, actor);
        TimelineEntry.add(
                code,
                release.releasedAt,
                TimelineEntry.Kind.EVENT,
                "gap-released",
                actor + " 放行：第 " + missingFrom + "–" + missingTo + " 号事件视为缺失，已应用暂缓的 " + applied + " 条事件（" + reason
                        + "）");
        LOG.warnf(
                "%s released %s: events %d–%d given up, %d parked events applied (%s)",
                actor, code, missingFrom, missingTo, applied, reason);
        changes.fire(new ProjectsChanged(Set.of(code), clock.today()));
        return release;
    }

    /** A project's story in the tracker, oldest first, or a 404 if the tracker does not know the project. */
    public List<TimelineEntry> timeline(String code) {
        project(code);
        return TimelineEntry.list("projectCode = ?1 order by id", code);
    }

    /** A project as the tracker knows it, or a 404. */
    public TrackedProject project(String code) {
        return TrackedProject.<TrackedProject>findByIdOptional(code)
                .orElseThrow(() -> HttpProblemException.notFound("Project", code));
    }

    public Optional<TrackedProjectView> find(String code) {
        return TrackedProject.<TrackedProject>findByIdOptional(code).map(TrackedProjectView::of);
    }

    public TrackedProjectPage list(String pool, int page, int size) {
        var query = pool == null
                ? TrackedProject.<TrackedProject>findAll(Sort.by("code"))
                : TrackedProject.<TrackedProject>find("pool", Sort.by("code"), pool);
        var items = query.page(Page.of(page, size)).list().stream()
                .map(TrackedProjectView::of)
                .toList();
        return new TrackedProjectPage(items, page, size, query.count());
    }

    private void applyChange(ProjectEvent event, String poolBefore, LocalDate recordedOn) {
        JsonNode change = event.change();
        switch (event.type()) {
            case "ledger.project.updated.v2" ->
                change.path("values")
                        .properties()
                        .forEach(value -> TrackedEdit.record(
                                event.code(),
                                event.sequence(),
                                value.getKey(),
                                value.getValue().path("old"),
                                value.getValue().path("new"),
                                recordedOn));
            case "ledger.project.procedure-updated.v1" -> {
                JsonNode p = change.path("procedure");
                TrackedProcedure.Key key =
                        new TrackedProcedure.Key(event.code(), p.path("type").asText());
                TrackedProcedure procedure = TrackedProcedure.findById(key);
                if (procedure == null) {
                    procedure = new TrackedProcedure();
                    procedure.id = key;
                }
                procedure.label = p.path("label").asText(key.type());
                procedure.status = p.path("status").asText();
                procedure.targetDate = date(p, "targetDate");
                procedure.doneDate = date(p, "doneDate");
                procedure.persist();
            }
            case "ledger.project.problem-raised.v1", "ledger.project.problem-resolved.v1" -> {
                JsonNode p = change.path("problem");
                TrackedProblem problem = TrackedProblem.findById(p.path("id").asLong());
                if (problem == null) {
                    problem = new TrackedProblem();
                    problem.problemId = p.path("id").asLong();
                }
                problem.projectCode = event.code();
                problem.title = p.path("title").asText();
                problem.department = p.path("department").asText();
                problem.raisedOn = date(p, "raisedOn");
                problem.resolvedOn = date(p, "resolvedOn");
                problem.resolutionNote = text(p, "resolutionNote");
                problem.persist();
            }
            case "ledger.project.progress-reported.v1" -> {
                JsonNode r = change.path("report");
                TrackedProgress.Key key =
                        new TrackedProgress.Key(event.code(), r.path("isoWeek").asText());
                TrackedProgress progress = TrackedProgress.findById(key);
                if (progress == null) {
                    progress = new TrackedProgress();
                    progress.id = key;
                }
                progress.weekStart = date(r, "weekStart");
                progress.investmentCompleted =
                        r.path("investmentCompleted").decimalValue().setScale(2);
                progress.imageProgressPercent = r.path("imageProgressPercent").asInt();
                progress.siteStatus = r.path("siteStatus").asText();
                progress.revision = r.path("revision").asInt();
                progress.persist();
                recordRevision(key, progress.revision, recordedOn, progress.investmentCompleted);
            }
            case "ledger.project.converted.v1" -> {
                TrackedConversion conversion = new TrackedConversion();
                conversion.id = new TrackedConversion.Key(event.code(), event.sequence());
                // the schema requires all three; an event without them still records the move it made
                conversion.fromPool =
                        change.hasNonNull("from") ? change.path("from").asText() : String.valueOf(poolBefore);
                conversion.toPool = change.hasNonNull("to")
                        ? change.path("to").asText()
                        : event.project().path("pool").asText();
                conversion.convertedOn = change.hasNonNull("date") ? date(change, "date") : clock.dateOf(event.time());
                conversion.forwardByOne = change.path("forwardByOne").asBoolean(false);
                conversion.persist();
            }
            default -> {
                // the project's state, copied above, is all these events carry
            }
        }
    }

    /**
     * Keeps a weekly report's revision from the business date it was recorded on, and marks the earlier revisions it
     * replaces from that day ({@code superseded_on}: the earliest day a higher revision was recorded), so that a week's
     * figures as of any day are a plain sum over the rows current that day, with no sort for the latest of each. A
     * project's events are applied in their order, so no higher revision is there yet when one is recorded.
     */
    private static void recordRevision(
            TrackedProgress.Key key, int revision, LocalDate recordedOn, BigDecimal investmentCompleted) {
        var entities = TrackedProgress.getEntityManager();
        int inserted = entities.createNativeQuery(
                        "INSERT INTO tracked_progress_revision (project_code, iso_week, revision, recorded_on,"
                                + " investment_completed) VALUES (:code, :week, :revision, :recordedOn, :amount)"
                                + " ON CONFLICT DO NOTHING")
                .setParameter("code", key.projectCode())
                .setParameter("week", key.isoWeek())
                .setParameter("revision", revision)
                .setParameter("recordedOn", recordedOn)
                .setParameter("amount", investmentCompleted)
                .executeUpdate();
        if (inserted == 1 && revision > 1) {
            entities.createNativeQuery("UPDATE tracked_progress_revision SET superseded_on = :recordedOn"
                            + " WHERE project_code = :code AND iso_week = :week AND revision < :revision"
                            + " AND (superseded_on IS NULL OR superseded_on > :recordedOn)")
                    .setParameter("code", key.projectCode())
                    .setParameter("week", key.isoWeek())
                    .setParameter("revision", revision)
                    .setParameter("recordedOn", recordedOn)
                    .executeUpdate();
        }
    }

    private static void copyState(ProjectEvent event, TrackedProject target) {
        JsonNode p = event.project();
        target.nationalCode = text(p, "nationalCode");
        target.name = text(p, "name");
        target.pool = text(p, "pool");
        target.cityCategory = text(p, "cityCategory");
        target.industryChain = text(p, "industryChain");
        target.town = text(p, "town");
        target.leadDepartment = text(p, "leadDepartment");
        target.ownerUnit = text(p, "ownerUnit");
        target.planYear = p.path("planYear").asInt();
        target.totalInvestment = money(p, "totalInvestment");
        target.annualPlanInvestment = money(p, "annualPlanInvestment");
        target.investmentCompletedTotal = money(p, "investmentCompletedTotal");
        target.investmentCompletedPlanYear = money(p, "investmentCompletedPlanYear");
        target.imageProgressPercent = p.path("imageProgressPercent").isInt()
                ? p.path("imageProgressPercent").asInt()
                : null;
        target.lastReportedWeek = text(p, "lastReportedWeek");
        target.keyConversion = p.path("keyConversion").asBoolean(false);
        target.poolSince = date(p, "poolSince");
        target.plannedStart = date(p, "plannedStart");
        target.plannedCompletion = date(p, "plannedCompletion");
        target.conversionTargetPool = text(p, "conversionTargetPool");
        target.conversionTargetDate = date(p, "conversionTargetDate");
        target.actualSiteEntry = date(p, "actualSiteEntry");
        target.actualStart = date(p, "actualStart");
        target.actualCompletion = date(p, "actualCompletion");
        target.actualProduction = date(p, "actualProduction");
        target.lastSequence = event.sequence();
        target.lastEventType = event.type();
        target.lastEventAt = event.time();
        target.updatedAt = Instant.now();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static BigDecimal money(JsonNode node, String field) {
        // the body is read with exact decimals (USE_BIG_DECIMAL_FOR_FLOATS): no float in between
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue().setScale(2) : BigDecimal.ZERO.setScale(2);
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }
}

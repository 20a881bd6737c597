package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Applies the registry's events to the tracker's copy of each project, each event once, in each project's
 * order: a repeated event is skipped by its id, an old one by its sequence number, and a gap is counted.
 */
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    /** What applying an event did. */
    public enum Result { APPLIED, DUPLICATE, OUTDATED }

    @Transactional
    public Result apply(ProjectEvent event) {
        if (ProcessedEvent.findById(event.id()) != null) {
            return Result.DUPLICATE;
        }
        TrackedProject project = TrackedProject.findById(event.code());
        long expected = project == null ? 1 : project.lastSequence + 1;
        Result result;
        if (event.sequence() < expected) {
            result = Result.OUTDATED;
        } else {
            if (project == null) {
                project = new TrackedProject();
                project.code = event.code();
            }
            if (event.sequence() > expected) {
                project.sequenceGaps++;
                LOG.warnf("Events of %s are missing: expected sequence %d, got %d (%s); applied the newer state",
                        event.code(), expected, event.sequence(), event.type());
            }
            copyState(event, project);
            project.persist();
            result = Result.APPLIED;
        }
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = event.id();
        processed.projectCode = event.code();
        processed.sequence = event.sequence();
        processed.eventType = event.type();
        processed.outcome = result == Result.APPLIED ? ProcessedEvent.Outcome.APPLIED : ProcessedEvent.Outcome.OUTDATED;
        processed.processedAt = Instant.now();
        processed.persist();
        return result;
    }

    public Optional<TrackedProjectView> find(String code) {
        return TrackedProject.<TrackedProject>findByIdOptional(code).map(TrackedProjectView::of);
    }

    public TrackedProjectPage list(String pool, int page, int size) {
        var query = pool == null
                ? TrackedProject.<TrackedProject>findAll(Sort.by("code"))
                : TrackedProject.<TrackedProject>find("pool", Sort.by("code"), pool);
        var items = query.page(Page.of(page, size)).list().stream().map(TrackedProjectView::of).toList();
        return new TrackedProjectPage(items, page, size, query.count());
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
        target.planYear = p.path("planYear").asInt();
        target.totalInvestment = money(p, "totalInvestment");
        target.annualPlanInvestment = money(p, "annualPlanInvestment");
        target.plannedStart = date(p, "plannedStart");
        target.plannedCompletion = date(p, "plannedCompletion");
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
        return node.path(field).decimalValue().setScale(2);
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }
}

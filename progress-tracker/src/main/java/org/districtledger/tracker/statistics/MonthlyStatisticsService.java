package org.districtledger.tracker.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.outbox.Outbox;
import org.districtledger.tracker.clock.BusinessClock;
import org.districtledger.tracker.clock.ClockMoved;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes each month's statistics once the business clock has passed its last day: computed as of that day from
 * what the tracker knew then, kept, and put into the outbox ({@code ledger.statistics.monthly.v1}, routed to
 * {@code ledger.statistics}) in one transaction. Runs when the clock moves and every night; a month already kept is
 * not published again, by this replica or another.
 */
@ApplicationScoped
public class MonthlyStatisticsService {

    public static final String EVENT_TYPE = "ledger.statistics.monthly.v1";

    private static final Logger LOG = Logger.getLogger(MonthlyStatisticsService.class);

    private final BusinessClock clock;
    private final EntityManager entities;
    private final Outbox outbox;
    private final ObjectMapper json;

    public MonthlyStatisticsService(BusinessClock clock, EntityManager entities, Outbox outbox, ObjectMapper json) {
        this.clock = clock;
        this.entities = entities;
        this.outbox = outbox;
        this.json = json;
    }

    void onClockMoved(@Observes ClockMoved moved) {
        publishDue();
    }

    @Scheduled(cron = "{ledger.statistics.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        publishDue();
    }

    /**
     * Publishes every month that has ended and is not yet published, oldest first, each in its own transaction: from
     * the month the tracker first learnt of a project to the month before the business date. Returns how many.
     */
    public int publishDue() {
        int published = 0;
        try {
            for (YearMonth month : QuarkusTransaction.requiringNew().call(this::due)) {
                if (QuarkusTransaction.requiringNew().call(() -> publish(month))) {
                    published++;
                }
            }
        } catch (RuntimeException e) {
            // the database or the outbox is away: the next clock move or night publishes what is still due
            LOG.warnf("The monthly statistics are not published now: %s", e.getMessage());
        }
        return published;
    }

    private List<YearMonth> due() {
        Object first = entities.createNativeQuery("SELECT min(recorded_on) FROM tracked_project_version")
                .getSingleResult();
        if (first == null) {
            return List.of();
        }
        YearMonth last = YearMonth.from(clock.today()).minusMonths(1);
        List<String> kept = entities.createNativeQuery("SELECT month FROM monthly_statistics", String.class)
                .getResultList();
        List<YearMonth> due = new ArrayList<>();
        for (YearMonth month = YearMonth.from(date(first)); !month.isAfter(last); month = month.plusMonths(1)) {
            if (!kept.contains(month.toString())) {
                due.add(month);
            }
        }
        return due;
    }

    /** Keeps and publishes the month, unless another run has kept it first. */
    private boolean publish(YearMonth month) throws JsonProcessingException {
        MonthlyStatistics statistics = compute(month);
        String body = json.writeValueAsString(statistics);
        int kept = entities.createNativeQuery("INSERT INTO monthly_statistics (month, as_of, published_at, body)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, month.toString())
                .setParameter(2, statistics.asOf())
                .setParameter(3, Instant.now())
                .setParameter(4, body)
                .executeUpdate();
        if (kept == 0) {
            return false;
        }
        outbox.append(EVENT_TYPE, month.toString(), 1, statistics);
        LOG.infof("Monthly statistics of %s published", month);
        return true;
    }

    /** The month's statistics as of its last day, from what the tracker had recorded by then. */
    @Transactional
    public MonthlyStatistics compute(YearMonth month) {
        LocalDate asOf = month.atEndOfMonth();
        // as the weekly view's statements: whole tables up to a day, each planned for its own day (WeeklyService)
        entities.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan")
                .executeUpdate();
        List<MonthlyTally.ProjectAtMonthEnd> projects = new ArrayList<>();
        for (Object row : entities.createNativeQuery(
                        // each project's latest version recorded by then: the one not yet superseded that day
                        "SELECT project_code, pool, industry_chain, town, city_category,"
                                + " actual_start, actual_completion FROM tracked_project_version"
                                + " WHERE recorded_on <= ?1 AND (superseded_on IS NULL OR superseded_on > ?1)"
                                + " ORDER BY project_code, sequence",
                        Object[].class)
                .setParameter(1, asOf)
                .getResultList()) {
            Object[] c = (Object[]) row;
            projects.add(new MonthlyTally.ProjectAtMonthEnd(
                    (String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], date(c[5]), date(c[6])));
        }
        List<MonthlyTally.WeekAmount> amounts = new ArrayList<>();
        for (Object row : entities.createNativeQuery(
                        // each report in its latest revision recorded by then: the one not yet superseded that day
                        "SELECT project_code, iso_week, investment_completed FROM tracked_progress_revision"
                                + " WHERE iso_week >= ?1 AND iso_week <= ?2 AND recorded_on <= ?3"
                                + " AND (superseded_on IS NULL OR superseded_on > ?3)",
                        Object[].class)
                .setParameter(1, IsoWeek.of(LocalDate.of(month.getYear(), 1, 1)).toString())
                .setParameter(2, IsoWeek.of(asOf).toString())
                .setParameter(3, asOf)
                .getResultList()) {
            Object[] c = (Object[]) row;
            amounts.add(new MonthlyTally.WeekAmount(
                    (String) c[0], IsoWeek.parse((String) c[1], "isoWeek").sunday(), (BigDecimal) c[2]));
        }
        return MonthlyTally.count(month, projects, amounts);
    }

    /** The months published, newest first. */
    @Transactional
    public List<String> months() {
        return entities.createNativeQuery("SELECT month FROM monthly_statistics ORDER BY month DESC", String.class)
                .getResultList();
    }

    /** A published month's statistics, exactly as its event carried them. */
    @Transactional
    public MonthlyStatistics published(YearMonth month) {
        Optional<?> body = entities.createNativeQuery(
                        "SELECT body FROM monthly_statistics WHERE month = ?1", String.class)
                .setParameter(1, month.toString())
                .getResultStream()
                .findFirst();
        if (body.isEmpty()) {
            throw HttpProblemException.notFound("monthly statistics", month.toString());
        }
        try {
            return json.readValue((String) body.get(), MonthlyStatistics.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The statistics kept for " + month + " do not read back", e);
        }
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}

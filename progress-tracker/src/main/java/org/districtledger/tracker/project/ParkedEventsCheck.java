package org.districtledger.tracker.project;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Parked projects, seen from outside: the metrics {@code ledger_gaps_parked} (projects waiting) and
 * {@code ledger_events_parked} (events waiting), and a warning in the readiness report, which stays UP (the
 * tracker serves everything else) but names the projects and how long they have waited.
 */
@Readiness
@ApplicationScoped
public class ParkedEventsCheck implements HealthCheck {

    private final ReadModel readModel;

    public ParkedEventsCheck(ReadModel readModel) {
        this.readModel = readModel;
    }

    void registerMetrics(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("ledger.gaps.parked", () -> count(false))
                .description("Projects whose events wait for a missing earlier event")
                .register(registry);
        Gauge.builder("ledger.events.parked", () -> count(true))
                .description("Events waiting for a missing earlier event of their project")
                .register(registry);
    }

    private double count(boolean events) {
        try {
            return QuarkusTransaction.requiringNew().call(() ->
                    (double) (events ? ParkedEvent.count() : readModel.parked().size()));
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Parked projects").up();
        try {
            List<ParkedProject> parked = QuarkusTransaction.requiringNew().call(readModel::parked);
            response.withData("projects", parked.size());
            if (!parked.isEmpty()) {
                ParkedProject oldest = parked.get(0);
                response.withData(
                        "warning",
                        parked.size() + " project(s) wait for a missing event; the longest, " + oldest.code()
                                + ", for sequence " + oldest.missingSequence() + " since "
                                + Duration.between(oldest.parkedSince(), Instant.now())
                                        .toMinutes()
                                + " min (GET /api/v1/parked-projects, release with POST .../{code}/release)");
                response.withData(
                        "codes",
                        String.join(
                                ",",
                                parked.stream()
                                        .limit(20)
                                        .map(ParkedProject::code)
                                        .toList()));
            }
        } catch (RuntimeException unreachable) {
            response.withData("projects", "unknown: the database is not reachable");
        }
        return response.build();
    }
}

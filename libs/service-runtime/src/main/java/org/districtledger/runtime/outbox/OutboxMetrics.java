package org.districtledger.runtime.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox seen from outside: {@code ledger_outbox_pending} (events not yet on Kafka) and
 * {@code ledger_outbox_oldest_age_seconds} (how long the oldest of them has waited), read at most once a second.
 * NaN while the database cannot be read.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final AgroalDataSource dataSource;
    private volatile long readAt;
    private volatile double pending = Double.NaN;
    private volatile double oldestAge = Double.NaN;

    public OutboxMetrics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("ledger.outbox.pending", this, metrics -> metrics.read().pending)
                .description("Events in the outbox not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("ledger.outbox.oldest.age", this, metrics -> metrics.read().oldestAge)
                .description("Seconds the oldest event not yet on Kafka has waited in the outbox")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized OutboxMetrics read() {
        if (System.currentTimeMillis() - readAt < 1000) {
            return this;
        }
        try (Connection db = dataSource.getConnection();
                Statement sql = db.createStatement();
                ResultSet row =
                        sql.executeQuery("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)"
                                + " FROM outbox_event WHERE published_at IS NULL")) {
            row.next();
            pending = row.getLong(1);
            oldestAge = row.getDouble(2);
        } catch (SQLException | RuntimeException unreachable) {
            pending = Double.NaN;
            oldestAge = Double.NaN;
        }
        readAt = System.currentTimeMillis();
        return this;
    }
}

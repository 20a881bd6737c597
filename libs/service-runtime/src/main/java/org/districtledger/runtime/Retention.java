package org.districtledger.runtime;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the outbox and the inbox from growing for ever: every night, on one replica at a time (an advisory lock),
 * outbox rows published longer ago than {@code ledger.retention.outbox} and inbox rows processed longer ago than
 * {@code ledger.retention.inbox} are deleted ({@code ledger_retention_purged_total{table}}). Only the tables named
 * here: the audit trail is never purged (its tables refuse it anyway). A consumer stays idempotent without the old
 * inbox rows: an event older than what it holds is outdated by its sequence number.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** Arbitrary, fixed: one replica purges at a time. */
    private static final long PURGE_LOCK = 0x4c45444745525052L;

    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;
    private final Duration outbox;
    private final Duration inbox;
    private final List<String> inboxTables;
    private final SchemaMigration schema;

    public Retention(
            AgroalDataSource dataSource,
            MeterRegistry meters,
            SchemaMigration schema,
            @ConfigProperty(name = "ledger.retention.outbox", defaultValue = "P30D") Duration outbox,
            @ConfigProperty(name = "ledger.retention.inbox", defaultValue = "P365D") Duration inbox,
            @ConfigProperty(name = "ledger.retention.inbox-tables") List<String> inboxTables) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.schema = schema;
        this.outbox = outbox;
        this.inbox = inbox;
        this.inboxTables = inboxTables;
        for (String table : inboxTables) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("ledger.retention.inbox-tables: not a table name: " + table);
            }
        }
    }

    @Scheduled(cron = "{ledger.retention.schedule}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        if (!schema.migrated()) {
            return;
        }
        try {
            purge(Instant.now());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Retention purge skipped tonight: %s", Failures.rootMessage(e));
        }
    }

    /** Deletes what is older than the retention as of {@code now}; answers the rows deleted by table. */
    public Map<String, Integer> purge(Instant now) throws SQLException {
        Map<String, Integer> purged = new LinkedHashMap<>();
        boolean ran = SessionLock.runAlone(dataSource, PURGE_LOCK, db -> {
            purged.put(
                    "outbox_event", delete(db, "DELETE FROM outbox_event WHERE published_at < ?", now.minus(outbox)));
            for (String table : inboxTables) {
                purged.put(table, delete(db, "DELETE FROM " + table + " WHERE processed_at < ?", now.minus(inbox)));
            }
        });
        if (!ran) {
            return purged; // another replica purges
        }
        purged.forEach((table, rows) -> Counter.builder("ledger.retention.purged")
                .description("Rows deleted by the retention purge, by table")
                .tag("table", table)
                .register(meters)
                .increment(rows));
        LOG.infof("Retention purge: %s", purged);
        return purged;
    }

    private static int delete(Connection db, String sql, Instant before) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(before));
            return statement.executeUpdate();
        }
    }
}

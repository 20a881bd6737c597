package org.districtledger.runtime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Migrates the service's schema with Flyway as soon as PostgreSQL answers. A service started while its
 * database is unreachable stays not ready and migrates by itself when the database comes back.
 *
 * <p>Two roles: the migration role ({@code ledger.migration.username}) owns the schema and migrates it; the service
 * runs as the datasource's role, which gets what it needs on every table after each migration, and on the audit
 * trail (the tables made append-only) only to read and insert. So the role the application runs as can neither
 * disable the audit trigger, nor grant itself UPDATE, nor rewrite a row. Without a migration role (a throwaway
 * database) the service's own role migrates, and the audit trigger and revoked privileges still refuse changes.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Inject
    Instance<Flyway> flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeRole;

    /** The role that owns the schema and migrates it; the datasource's own when not set. */
    @ConfigProperty(name = "ledger.migration.username")
    Optional<String> migrationRole;

    @ConfigProperty(name = "ledger.migration.password")
    Optional<String> migrationPassword;

    @ConfigProperty(name = "ledger.reachability.retry", defaultValue = "5s")
    Duration retry;

    private volatile boolean migrated;
    private volatile String version = "none";
    private volatile Thread worker;

    void onStart(@Observes StartupEvent event) {
        if (!tryMigrate(true)) {
            worker = new Thread(this::retryUntilMigrated, "schema-migration");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    public boolean migrated() {
        return migrated;
    }

    public String version() {
        return version;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    private void retryUntilMigrated() {
        while (!migrated && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            tryMigrate(false);
        }
    }

    private boolean tryMigrate(boolean firstAttempt) {
        try {
            Flyway instance = flyway.get();
            boolean separateOwner =
                    migrationRole.isPresent() && !migrationRole.get().equals(runtimeRole);
            if (separateOwner) {
                instance = Flyway.configure()
                        .configuration(instance.getConfiguration())
                        .dataSource(jdbcUrl, migrationRole.get(), migrationPassword.orElse(null))
                        .load();
            }
            instance.migrate();
            if (separateOwner) {
                try (Connection owner =
                        instance.getConfiguration().getDataSource().getConnection()) {
                    RuntimeRole.grant(owner, runtimeRole);
                }
            }
            var current = instance.info().current();
            version = current == null ? "empty" : current.getVersion().getVersion();
            migrated = true;
            LOG.infof("PostgreSQL reachable at %s: schema at version %s", jdbcUrl, version);
            return true;
        } catch (RuntimeException | SQLException e) {
            // An unreachable database is reported once by ServerReachability; anything else is ours to say.
            if (firstAttempt && !Failures.isConnectionFailure(e)) {
                LOG.errorf(e, "Schema migration of %s failed; retrying every %d s", jdbcUrl, retry.toSeconds());
            }
            return false;
        }
    }
}

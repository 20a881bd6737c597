package org.districtledger.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a consumer's transaction again while the database cannot take it for now (unreachable, restarting, out of
 * connections, a deadlock), so that a good record waits rather than going to the dead-letter topic. Any other
 * failure is the caller's.
 */
@ApplicationScoped
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);

    private final Duration interval;
    private final SchemaMigration schema;

    public DatabaseRetry(
            @ConfigProperty(name = "ledger.reachability.retry", defaultValue = "5s") Duration interval,
            SchemaMigration schema) {
        this.interval = interval;
        this.schema = schema;
    }

    /**
     * Runs the work until it succeeds or fails for a reason other than a transient one ({@link Failures#isTransient}):
     * again after 100 ms, then twice as long each time, up to {@code ledger.reachability.retry}.
     */
    public <T> T untilReachable(String what, Supplier<T> work) throws InterruptedException {
        awaitSchema(what);
        boolean waiting = false;
        long pause = Math.min(100, interval.toMillis());
        while (true) {
            try {
                T result = work.get();
                if (waiting) {
                    LOG.infof("Database back: applied %s", what);
                }
                return result;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                if (!waiting) {
                    LOG.warnf(
                            "Cannot apply %s for now (%s); trying again, at most every %d s",
                            what, Failures.rootMessage(e), interval.toSeconds());
                    waiting = true;
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, interval.toMillis());
            }
        }
    }

    /**
     * Waits for the schema to be migrated (and the service's role granted its privileges): a consumer may be handed
     * records while the service is still starting, and a table that is not there yet is no reason to dead-letter a
     * good record.
     */
    private void awaitSchema(String what) throws InterruptedException {
        long pause = Math.min(100, interval.toMillis());
        boolean waiting = false;
        while (!schema.migrated()) {
            if (!waiting) {
                LOG.infof("Waiting for the schema to be migrated before applying %s", what);
                waiting = true;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, interval.toMillis());
        }
    }
}

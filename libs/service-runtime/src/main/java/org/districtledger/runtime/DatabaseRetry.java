package org.districtledger.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a consumer's transaction again while the database is unreachable, so that a good record waits rather
 * than going to the dead-letter topic. Any other failure is the caller's.
 */
@ApplicationScoped
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);

    private final Duration interval;

    public DatabaseRetry(@ConfigProperty(name = "ledger.reachability.retry", defaultValue = "5s") Duration interval) {
        this.interval = interval;
    }

    public <T> T untilReachable(String what, Supplier<T> work) throws InterruptedException {
        boolean waiting = false;
        while (true) {
            try {
                T result = work.get();
                if (waiting) {
                    LOG.infof("Database back: applied %s", what);
                }
                return result;
            } catch (RuntimeException e) {
                if (!Failures.isConnectionFailure(e)) {
                    throw e;
                }
                if (!waiting) {
                    LOG.warnf(
                            "Cannot apply %s: database unreachable (%s); retrying every %d s",
                            what, Failures.rootMessage(e), interval.toSeconds());
                    waiting = true;
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }
}

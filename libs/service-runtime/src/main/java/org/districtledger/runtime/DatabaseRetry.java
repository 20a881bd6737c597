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

    public DatabaseRetry(@ConfigProperty(name = "ledger.reachability.retry", defaultValue = "5s") Duration interval) {
        this.interval = interval;
    }

    /**
     * Runs the work until it succeeds or fails for a reason other than a transient one ({@link Failures#isTransient}):
     * again after 100 ms, then twice as long each time, up to {@code ledger.reachability.retry}.
     */
    public <T> T untilReachable(String what, Supplier<T> work) throws InterruptedException {
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
}

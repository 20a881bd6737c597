package org.districtledger.runtime;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;

/** Reading causes out of exception chains, for log lines a person can act on. */
public final class Failures {

    private Failures() {}

    public static Throwable root(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    public static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * SQL states that pass if the work is tried again: serialization failure, deadlock, a lock not available, the
     * server shutting down or starting up, too many connections and other exhausted resources (class 53).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");

    /**
     * Whether trying the same work again later can succeed: the database unreachable (class 08), a deadlock or
     * serialization failure, the server restarting, out of connections or other resources, or no connection free in
     * the pool within its timeout. A consumer waits these out; it never dead-letters a good record for them.
     */
    public static boolean isTransient(Throwable failure) {
        if (isConnectionFailure(failure)) {
            return true;
        }
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (TRANSIENT_STATES.contains(state) || state.startsWith("53"))) {
                    return true;
                }
                // the connection pool (Agroal) found no free connection in time
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    /** Whether the failure is a connection that could not be made or was lost (SQL state class 08). */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof ConnectException) {
                return true;
            }
            if (current instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}

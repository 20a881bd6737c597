package org.districtledger.runtime;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock: held by one connection of one replica at a time, and freed if that replica
 * dies, so that work meant for one replica (the outbox relay, the nightly purge) runs on one only.
 */
public final class SessionLock {

    private SessionLock() {}

    /** Work done while holding the lock, on the session that holds it. */
    @FunctionalInterface
    public interface Work {
        void run(Connection session) throws SQLException;
    }

    /**
     * Takes the lock on a connection of its own, runs the work and frees the lock; answers whether it ran (false: another
     * session, another replica's most likely, holds the lock).
     */
    public static boolean runAlone(DataSource dataSource, long key, Work work) throws SQLException {
        try (Connection session = dataSource.getConnection()) {
            if (!tryLock(session, key)) {
                return false;
            }
            try {
                work.run(session);
                return true;
            } finally {
                unlock(session, key);
            }
        }
    }

    /** Takes the lock if no session holds it; answers whether this one now does. */
    public static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    public static void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}

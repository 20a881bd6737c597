package org.districtledger.runtime;

import org.hibernate.SharedSessionContract;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one statement for each of some rows in one JDBC batch, on the connection of the session's transaction: the
 * rows that need no entity (outbox events, version rows, flag weeks) go out in one round trip, and with pgjdbc's
 * {@code reWriteBatchedInserts} an INSERT goes as multi-row inserts, its rows in the order given.
 */
public final class JdbcBatch {

    /** Sets a row's values as the statement's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatch() {}

    /** Executes {@code sql} once for each row, bound by {@code binder}, in one batch; nothing when there are none. */
    public static <T> void execute(SharedSessionContract session, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }
}

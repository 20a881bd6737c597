package org.districtledger.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Asserts that the database refuses to rewrite an audit table, whoever the connection's role is. */
public final class AppendOnly {

    /** PostgreSQL's insufficient_privilege: a revoked privilege and the audit trigger both answer with it. */
    public static final String REFUSED = "42501";

    private AppendOnly() {}

    /** The statement, with its one parameter, is refused. */
    public static void assertRefused(Connection db, String sql, String parameter) {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> {
                    try (PreparedStatement statement = db.prepareStatement(sql)) {
                        statement.setString(1, parameter);
                        statement.executeUpdate();
                    }
                },
                sql);
        assertEquals(REFUSED, refused.getSQLState(), refused.getMessage());
    }

    /** Emptying the table is refused. */
    public static void assertTruncateRefused(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement()) {
            SQLException truncate =
                    assertThrows(SQLException.class, () -> statement.execute("TRUNCATE " + table + " CASCADE"));
            assertEquals(REFUSED, truncate.getSQLState(), truncate.getMessage());
        }
    }
}

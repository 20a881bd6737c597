package org.districtledger.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    /**
     * The connection's role, the one the service runs as, is not the table's owner and cannot make the table
     * writable: disabling or dropping its audit trigger, granting itself UPDATE or DELETE, or taking the table over
     * are all refused, and the rows stay as they were.
     */
    public static void assertRuntimeRoleCannotUnlock(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement()) {
            var owner = statement.executeQuery(
                    "SELECT tableowner, current_user FROM pg_tables WHERE tablename = '" + table + "'");
            owner.next();
            String tableOwner = owner.getString(1);
            String runtime = owner.getString(2);
            assertNotEquals(tableOwner, runtime, "the service must not run as the owner of " + table);
            for (String unlock : new String[] {
                "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                "ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_append_only",
                "DROP TRIGGER " + table + "_append_only ON " + table,
                "ALTER TABLE " + table + " OWNER TO " + runtime,
                "DROP TABLE " + table
            }) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(unlock), unlock);
                assertEquals(REFUSED, refused.getSQLState(), unlock + ": " + refused.getMessage());
            }
            // a GRANT by a role without the grant option grants nothing (PostgreSQL only warns)
            statement.execute("GRANT UPDATE, DELETE, TRUNCATE ON " + table + " TO " + runtime);
            var privileges = statement.executeQuery("SELECT has_table_privilege(current_user, '" + table
                    + "', 'UPDATE'), has_table_privilege(current_user, '" + table
                    + "', 'DELETE'), has_table_privilege(current_user, '" + table + "', 'TRUNCATE'),"
                    + " has_table_privilege(current_user, '" + table + "', 'INSERT')");
            privileges.next();
            assertEquals(false, privileges.getBoolean(1), "UPDATE on " + table);
            assertEquals(false, privileges.getBoolean(2), "DELETE on " + table);
            assertEquals(false, privileges.getBoolean(3), "TRUNCATE on " + table);
            assertEquals(true, privileges.getBoolean(4), "INSERT on " + table);
        }
    }
}

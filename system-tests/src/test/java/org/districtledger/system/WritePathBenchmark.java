package org.districtledger.system;

import org.districtledger.localstack.LoggedStatement;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The weekly report write (PUT progress) side by side with pgbench running the statements it sends: the API loaded
 * at a given concurrency, and a pgbench script made from one report's transaction as PostgreSQL logged it, with its
 * values, where the project it reports on (its id, code, version, next event number and new history id) is picked
 * afresh for every transaction, so that each one writes a new week's report of another project, as the API's do.
 */
final class WritePathBenchmark {

    /** The week every benchmark report is for; the registry's projects have no report of it before. */
    static final String WEEK = "2023-W05";

    /**
     * A load's outcome: how many writes in how many seconds, their latencies as the client saw them, and the mean time
     * the service itself measured for them (its {@code http_server_requests_seconds}; NaN for pgbench).
     */
    record Load(int writes, double seconds, double p50Millis, double p99Millis, double serviceMeanMillis) {
        double perSecond() {
            return writes / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                            "%,d writes in %.1f s: %,.0f/s, p50 %.1f ms, p99 %.1f ms",
                            writes, seconds, perSecond(), p50Millis, p99Millis)
                    + (Double.isNaN(serviceMeanMillis)
                            ? ""
                            : String.format(", %.1f ms a write inside the service (mean)", serviceMeanMillis));
        }
    }

    private WritePathBenchmark() {}

    /** The body of every benchmark report. */
    static String body(int i) {
        return "{\"investmentCompleted\": " + (20 + i % 300) + ".00, \"imageProgressPercent\": " + (5 + i % 90)
                + ", \"imageProgressNote\": \"主体结构施工\", \"siteStatus\": \"STARTED\"}";
    }

    /** Reports {@link #WEEK} for each of the projects, {@code concurrency} at a time, as the ledger office. */
    static Load reports(Http registry, List<String> codes, int concurrency) throws Exception {
        registry.token();
        double[] before = serviceTime(registry);
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            work.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < codes.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = registry.request(
                            "PUT",
                            "/api/v1/projects/" + codes.get(i) + "/progress/" + WEEK,
                            "application/json",
                            body(i).getBytes(StandardCharsets.UTF_8));
                    latencies.add(System.nanoTime() - sent);
                    assertEquals(201, answer.statusCode(), answer.body());
                }
                return null;
            }));
        }
        for (Future<?> client : work) {
            client.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        double[] after = serviceTime(registry);
        return summary(codes.size(), seconds, latencies, (after[1] - before[1]) / (after[0] - before[0]) * 1000);
    }

    /**
     * The pgbench script of one report as the registry sent it: the statements of the logged transaction that
     * wrote the project's report (from its BEGIN to its COMMIT), each value bound to it passed as a pgbench variable
     * ({@code -D}, returned in {@code defines}), except the project's own: those come from a first statement that
     * takes the next project of {@code pgbench_target} (see {@link #prepareTargets}).
     */
    static String script(List<LoggedStatement> logged, String code, long projectId, Map<String, String> defines) {
        List<LoggedStatement> transaction = transactionOf(logged, code);
        Set<String> newIds = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        int number = 0;
        for (LoggedStatement statement : transaction) {
            number++;
            if (statement.sql().startsWith("select nextval(")) {
                continue; // a pooled id sequence's next block, once in 50 rows: the picking statement takes an id
            }
            Map<Integer, String> columns = columnsOf(statement.sql());
            String sql = statement.sql();
            for (int p = statement.parameters().size(); p >= 1; p--) {
                String value = statement.parameters().get(p - 1);
                String variable = projectVariable(statement.sql(), columns.get(p));
                String replacement;
                if (variable != null) {
                    if (variable.startsWith("new_id_")) {
                        newIds.add(variable.substring("new_id_".length()));
                    } else if (!variable.equals("new_event_id")) {
                        check(variable, value, code, projectId, statement); // a fresh id has no logged value to check
                    }
                    replacement = ":" + variable;
                } else if (value == null) {
                    replacement = "NULL";
                } else {
                    String name = "s" + number + "p" + p;
                    defines.put(name, value);
                    replacement = ":" + name;
                }
                sql = sql.replaceAll("\\$" + p + "(?!\\d)", Matcher.quoteReplacement(replacement));
            }
            lines.add(sql + ";");
        }
        StringBuilder pick = new StringBuilder("SELECT p.id, p.code, p.version, p.version + 1 AS next_version,"
                + " p.event_sequence + 1 AS next_sequence, gen_random_uuid() AS new_event_id");
        for (String table : newIds) {
            pick.append(", nextval('")
                    .append(table)
                    .append("_id_seq') AS new_id_")
                    .append(table);
        }
        pick.append(" FROM project p WHERE p.id = (SELECT project_id FROM pgbench_target"
                + " WHERE n = (SELECT nextval('pgbench_target_n'))) \\gset");
        lines.add(0, pick.toString());
        return String.join("\n", lines) + "\n";
    }

    /**
     * In a copy of the registry's database: the projects pgbench reports on, those without a report of {@link #WEEK},
     * in a table numbered from 1, and the sequence that hands them out.
     */
    static int prepareTargets(String jdbcUrl, String user) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, user);
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE pgbench_target (n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " project_id bigint NOT NULL)");
            int targets = sql.executeUpdate("INSERT INTO pgbench_target (project_id) SELECT id FROM project p"
                    + " WHERE p.pool <> 'CANCELLED' AND NOT EXISTS (SELECT 1 FROM progress_report r"
                    + " WHERE r.project_id = p.id AND r.iso_week = '" + WEEK + "') ORDER BY p.id");
            sql.execute("CREATE SEQUENCE pgbench_target_n");
            sql.execute("VACUUM ANALYZE");
            return targets;
        }
    }

    /** How many reports of {@link #WEEK} the database holds. */
    static long reportsOfTheWeek(Statement sql) throws Exception {
        try (ResultSet count =
                sql.executeQuery("SELECT count(*) FROM progress_report WHERE iso_week = '" + WEEK + "'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The project's id in the registry's database. */
    static long projectId(String jdbcUrl, String user, String code) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, user);
                PreparedStatement query = db.prepareStatement("SELECT id FROM project WHERE code = ?")) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** pgbench ({@code PGBENCH} or the PATH's) running the script on the database, {@code transactions} in all. */
    static Load pgbench(
            Path folder,
            int port,
            String database,
            String user,
            String script,
            Map<String, String> defines,
            int clients,
            int transactions)
            throws Exception {
        Path file = folder.resolve("report.sql");
        Files.writeString(file, script);
        Path logs = Files.createDirectories(folder.resolve("pgbench-c" + clients));
        List<String> command = new ArrayList<>(List.of(
                System.getenv().getOrDefault("PGBENCH", "pgbench"),
                "--no-vacuum",
                "--protocol=prepared",
                "--host=localhost",
                "--port=" + port,
                "--username=" + user,
                "--client=" + clients,
                "--jobs=" + Math.min(clients, 2),
                "--transactions=" + transactions / clients,
                "--file=" + file,
                "--log",
                "--log-prefix=" + logs.resolve("tx")));
        defines.forEach((name, value) -> command.add("--define=" + name + "=" + value));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", user);
        builder.directory(logs.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The write path's anchor needs pgbench (Debian's postgresql-client), on the"
                            + " PATH or named by PGBENCH: " + e.getMessage(),
                    e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)")
                .matcher(output);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (process.exitValue() != 0 || !processed.find() || !tps.find()) {
            throw new AssertionError("pgbench failed:\n" + output);
        }
        int done = Integer.parseInt(processed.group(1));
        assertEquals(clients * (transactions / clients), done, output);
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                for (String line : Files.readAllLines(log)) {
                    // client_id transaction_no time script_no time_epoch time_us (time in microseconds)
                    latencies.add(Long.parseLong(line.split(" ")[2]) * 1000);
                }
            }
        }
        return summary(done, done / Double.parseDouble(tps.group(1)), latencies, Double.NaN);
    }

    private static final Pattern SERVICE_TIME =
            Pattern.compile("(?m)^http_server_requests_seconds_(count|sum)\\{(.*)} ([0-9.E+-]+)$");

    /** The service's own count and total seconds of the weekly report writes it answered, from its /q/metrics. */
    private static double[] serviceTime(Http registry) throws Exception {
        double[] countAndSum = new double[2];
        Matcher line = SERVICE_TIME.matcher(registry.get("/q/metrics").body());
        while (line.find()) {
            if (line.group(2).contains("method=\"PUT\"") && line.group(2).contains("/progress/{")) {
                countAndSum[line.group(1).equals("count") ? 0 : 1] += Double.parseDouble(line.group(3));
            }
        }
        return countAndSum;
    }

    private static Load summary(int writes, double seconds, List<Long> nanos, double serviceMeanMillis) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Load(
                writes,
                seconds,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6,
                serviceMeanMillis);
    }

    /** The statements of the logged transaction, BEGIN to COMMIT on one server process, that inserted a report of {@link #WEEK}. */
    private static List<LoggedStatement> transactionOf(List<LoggedStatement> logged, String code) {
        for (int i = 0; i < logged.size(); i++) {
            LoggedStatement begin = logged.get(i);
            if (!begin.sql().equalsIgnoreCase("BEGIN")) {
                continue;
            }
            List<LoggedStatement> transaction = new ArrayList<>(List.of(begin));
            boolean ours = false;
            for (int j = i + 1; j < logged.size(); j++) {
                LoggedStatement next = logged.get(j);
                if (next.process() != begin.process()) {
                    continue;
                }
                transaction.add(next);
                ours |= next.sql().startsWith("insert into progress_report")
                        && next.parameters().contains(WEEK);
                if (next.sql().equalsIgnoreCase("COMMIT")) {
                    break;
                }
            }
            if (ours && transaction.get(transaction.size() - 1).sql().equalsIgnoreCase("COMMIT")) {
                return transaction;
            }
        }
        throw new AssertionError("No logged transaction wrote the report of " + code + ": " + logged);
    }

    private static final Pattern INSERT =
            Pattern.compile("(?is)^insert into (\\w+)\\s*\\(([^)]*)\\)\\s*values\\s*\\(([^)]*)\\)");
    private static final Pattern ASSIGNED = Pattern.compile("([\\w.]+)\\s*=\\s*\\$(\\d+)(?!\\d)");

    /**
     * The column each placeholder of the statement stands for: an insert's column list against its values, a
     * {@code column=$n} elsewhere; a placeholder of an update's WHERE as {@code where:column}.
     */
    private static Map<Integer, String> columnsOf(String sql) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        Matcher insert = INSERT.matcher(sql);
        if (insert.find()) {
            String[] names = insert.group(2).split(",");
            String[] values = insert.group(3).split(",");
            for (int i = 0; i < names.length; i++) {
                String value = values[i].strip();
                if (value.startsWith("$")) {
                    columns.put(Integer.parseInt(value.substring(1)), insert.group(1) + "." + names[i].strip());
                }
            }
            return columns;
        }
        int where = sql.toLowerCase().startsWith("update ") ? sql.toLowerCase().indexOf(" where ") : -1;
        Matcher assigned = ASSIGNED.matcher(sql);
        while (assigned.find()) {
            String column = assigned.group(1).substring(assigned.group(1).lastIndexOf('.') + 1);
            columns.put(
                    Integer.parseInt(assigned.group(2)),
                    (where >= 0 && assigned.start() > where ? "where:" : "") + column);
        }
        return columns;
    }

    /** The pgbench variable of the picked project that a placeholder takes, or null if it keeps its logged value. */
    private static String projectVariable(String sql, String column) {
        if (column == null) {
            return null;
        }
        String table = column.contains(".") ? column.substring(0, column.indexOf('.')) : null;
        String name = column.substring(column.indexOf('.') + 1);
        boolean project = sql.toLowerCase().matches("(?s)^(update|select .* from) project\\b.*");
        return switch (name) {
            case "code", "aggregate_code", "where:code" -> "code";
            case "project_id", "where:project_id" -> "id";
            case "where:id" -> project ? "id" : null;
            case "id" -> table != null ? "new_id_" + table : project ? "id" : null;
            case "where:version" -> "version";
            case "version" -> "next_version";
            case "event_sequence", "sequence" -> "next_sequence";
            case "event_id" -> "new_event_id";
            default -> null;
        };
    }

    /** That the logged value of a project variable is the reported project's, so the mapping is right. */
    private static void check(String variable, String value, String code, long id, LoggedStatement statement) {
        boolean right = switch (variable) {
            case "code" -> code.equals(value);
            case "id" -> String.valueOf(id).equals(value);
            default -> value != null && value.matches("\\d+");
        };
        if (!right) {
            throw new AssertionError(
                    "The logged " + variable + " is not the project's (" + code + ", id " + id + "): " + statement);
        }
    }
}

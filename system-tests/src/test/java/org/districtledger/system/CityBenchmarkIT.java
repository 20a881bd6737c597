package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.localstack.KafkaIdentities;
import org.districtledger.localstack.LoggedStatement;
import org.districtledger.localstack.PostgresServer;
import org.districtledger.sample.SyntheticCity;
import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The city benchmark: a synthetic city of 10,000 projects, then 10,000 more, imported (CSV, then Excel), exported,
 * consumed by the tracker live and replayed from offset 0 into an empty database; each service's start and memory.
 * Every figure is printed beside its goal and, where the raw server does the same work, beside what Kafka's own
 * consumer perf tool does on the same topic in the same run, as a ratio. It is a benchmark: it prints figures (a
 * Markdown table at the end, for the README) and never fails on a time, only when the system does the wrong thing.
 */
class CityBenchmarkIT {

    private static final int CITY = 10_000;

    @TempDir
    Path data;

    private final List<String> table = new ArrayList<>();

    @Test
    void aCityOnOneSmallMachine() throws Exception {
        // the servers log what the services send, so that the write path's anchor runs the very same statements
        System.setProperty(PostgresServer.LOG_STATEMENTS, "true");
        try (RunningServices running = new RunningServices(data, "registry", "tracker", "replay", "weekly")) {
            // each service's first start migrates its empty database and, as it stops, writes its class-data archive
            // (ClassArchive, as the run command's first start does); the start measured is the next one, as every
            // later start of the run command, a deployment or a restart after a crash is
            for (String[] service :
                    new String[][] {{"project-registry", "registry"}, {"progress-tracker", "tracker"}}) {
                long launched = System.nanoTime();
                RunningServices.Service first = running.startFullyCompiledService(service[0], service[1], Map.of());
                row(
                        service[1] + ": first start (migrates an empty database)",
                        seconds(System.nanoTime() - launched),
                        "s",
                        "—",
                        null,
                        null);
                first.process().process.destroy();
                first.process().process.waitFor();
            }
            long launched = System.nanoTime();
            RunningServices.Service registryService =
                    running.startFullyCompiledService("project-registry", "registry", Map.of());
            row("registry: start to ready, alone", seconds(System.nanoTime() - launched), "s", "< 3 s", null, null);
            launched = System.nanoTime();
            RunningServices.Service trackerService =
                    running.startFullyCompiledService("progress-tracker", "tracker", Map.of());
            row("tracker: start to ready, alone", seconds(System.nanoTime() - launched), "s", "< 3 s", null, null);
            Http registry = registryService.http();
            Http tracker = trackerService.http();
            // the first requests of a day: each service's project list, the registry's summary, the tracker's weekly
            // view
            registry.json("/api/v1/projects?size=20");
            registry.json("/api/v1/ledger/summary?year=2023");
            tracker.json("/api/v1/projects?size=20");
            tracker.json("/api/v1/weekly/2023-W02");
            row(
                    "registry: RSS after start and first requests",
                    rssMegabytes(registryService),
                    "MB",
                    "< 300 MB",
                    null,
                    null);
            row(
                    "tracker: RSS after start and first requests",
                    rssMegabytes(trackerService),
                    "MB",
                    "< 300 MB",
                    null,
                    null);
            // the office imports the year's ledger as the year begins; CityImportIT imports it mid-year, where a ledger
            // without a single weekly report or leader raises nearly two flags a project, and prints that rate too
            tracker.send("PUT", "/api/v1/clock", "{\"asOf\": \"2023-01-09\"}", 200);

            List<LedgerRow> city = SyntheticCity.rows(2 * CITY);
            byte[] csv = csv(city.subList(0, CITY));
            byte[] xlsx = xlsx(city.subList(CITY, 2 * CITY));

            // the import: a dry run (reading and every check), then the import of the same file
            long start = System.nanoTime();
            HttpResponse<String> checked = registry.request("POST", "/api/v1/imports?dryRun=true", "text/csv", csv);
            assertEquals(200, checked.statusCode(), checked.body());
            row(
                    "import 10,000-row CSV: dry run (read and check)",
                    seconds(System.nanoTime() - start),
                    "s",
                    "—",
                    null,
                    null);
            row(
                    "import 10,000-row CSV (" + csv.length / 1024 + " KB)",
                    importing(registry, csv, "text/csv"),
                    "s",
                    "< 10 s",
                    null,
                    null);
            double live = caughtUp(running, "tracker", CITY, 0);

            row(
                    "import 10,000-row Excel (" + xlsx.length / 1024 + " KB)",
                    importing(registry, xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    "s",
                    "< 10 s",
                    null,
                    null);
            caughtUp(running, "tracker", 2 * CITY, CITY);

            // the raw Kafka consumer on the same topic, same broker, same machine: the anchor of the tracker's rate
            double raw = consumerPerformance(running, 2 * CITY);
            row(
                    "tracker, live: 10,000 registered events",
                    live,
                    "events/s",
                    "≥ 5,000/s",
                    raw,
                    "kafka ConsumerPerformance");

            // replay: a second tracker, empty database, its own consumer group, from offset 0
            long replayStart = System.nanoTime();
            RunningServices.Service replayService = running.startFullyCompiledService(
                    "progress-tracker",
                    "replay",
                    Map.of("MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID", "progress-tracker-replay"));
            double replay = caughtUp(running, "replay", 2 * CITY, 0);
            row(
                    "tracker, replay from offset 0: 20,000 events",
                    replay,
                    "events/s",
                    "≥ 10,000/s",
                    raw,
                    "kafka ConsumerPerformance");
            System.out.printf(
                    "[benchmark] replay: a second tracker started and caught up in %.1f s%n",
                    seconds(System.nanoTime() - replayStart));

            // exports and the summary at 20,000 projects, per 10,000 rows as the goal says
            row(
                    "export Excel, per 10,000 rows (of 20,000)",
                    median(registry, "/api/v1/exports/ledger.xlsx", 5) / 2,
                    "s",
                    "< 2 s",
                    null,
                    null);
            row(
                    "export CSV, per 10,000 rows (of 20,000)",
                    median(registry, "/api/v1/exports/ledger.csv", 5) / 2,
                    "s",
                    "< 2 s",
                    null,
                    null);
            row(
                    "summary, 20,000 projects",
                    median(registry, "/api/v1/ledger/summary?year=2023", 15) * 1000,
                    "ms",
                    "< 100 ms",
                    null,
                    null);
            row(
                    "weekly view JSON, the city's 20,000 projects (without weekly reports)",
                    median(tracker, "/api/v1/weekly/2023-W26", 10) * 1000,
                    "ms",
                    "—",
                    null,
                    null);
            // the weekly view at the scale of the goal, 10,000 projects with a year of weekly reports each: a tracker
            // of its own, its database written as WeeklyBenchmarkIT writes it, its consumer group at the topic's end
            RunningServices.Service weeklyService = running.startFullyCompiledService(
                    "progress-tracker",
                    "weekly",
                    Map.of(
                            "MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID", "progress-tracker-weekly",
                            "MP_MESSAGING_INCOMING_PROJECT_EVENTS_AUTO_OFFSET_RESET", "latest"));
            try (Connection db = DriverManager.getConnection(
                            running.servers.postgres().jdbcUrl("weekly"), "weekly", "weekly");
                    Statement sql = db.createStatement()) {
                WeeklyBenchmarkIT.synthesize(sql);
            }
            Http weekly = weeklyService.http();
            assertEquals(
                    52,
                    weekly.json("/api/v1/weekly/2023-W52").at("/series/weeks").size());
            for (int i = 0; i < 3; i++) { // as WeeklyBenchmarkIT warms a tracker up
                weekly.get("/api/v1/weekly/2023-W52");
                weekly.get("/weekly?week=2023-W52");
            }
            row(
                    "weekly view JSON, 10,000 projects × 52 weekly reports (2023-W52)",
                    median(weekly, "/api/v1/weekly/2023-W52", 15) * 1000,
                    "ms",
                    "< 300 ms",
                    null,
                    null);
            row(
                    "weekly page, 10,000 projects × 52 weekly reports (2023-W52)",
                    median(weekly, "/weekly?week=2023-W52", 15) * 1000,
                    "ms",
                    "< 300 ms",
                    null,
                    null);

            row("registry: RSS after the run", rssMegabytes(registryService), "MB", "< 300 MB", null, null);
            row("tracker: RSS after the run", rssMegabytes(trackerService), "MB", "< 300 MB", null, null);

            writePath(running, registryService, List.of(trackerService, replayService, weeklyService));
        } finally {
            System.out.println("[benchmark] the city benchmark on "
                    + Runtime.getRuntime().availableProcessors() + " cores, everything on the same machine:");
            System.out.println("| what | measured | goal | raw server, same run | ratio |");
            System.out.println("|---|---|---|---|---|");
            table.forEach(System.out::println);
        }
    }

    /**
     * The weekly report write, alone on the machine with its registry (the trackers stopped): PUT progress at 1, 8 and
     * 32 clients, each write a new week's report of another project; then pgbench, on a copy of the registry's
     * database, running the statements one of those writes sent as PostgreSQL logged them, as many transactions.
     */
    private void writePath(
            RunningServices running, RunningServices.Service registryService, List<RunningServices.Service> others)
            throws Exception {
        for (RunningServices.Service other : others) {
            other.process().process.destroy();
            other.process().process.waitFor();
        }
        PostgresServer postgres = running.servers.postgres();
        String registryUrl = postgres.jdbcUrl("registry");
        List<String> codes = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(registryUrl, "registry", "registry");
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT code FROM project WHERE pool <> 'CANCELLED' ORDER BY id")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        Http registry = registryService.http();
        int[] clients = {1, 8, 32};
        int[] writes = {1_000, 2_000, 3_200};
        int warmUp = 500;
        // the first writes warm the service up; then one write's statements are logged, values and all
        WritePathBenchmark.reports(registry, codes.subList(0, warmUp), 8);
        String logged = codes.get(warmUp);
        List<LoggedStatement> statements =
                postgres.logStatements("registry", () -> WritePathBenchmark.reports(registry, List.of(logged), 1));
        Map<String, String> defines = new LinkedHashMap<>();
        String script = WritePathBenchmark.script(
                statements, logged, WritePathBenchmark.projectId(registryUrl, "registry", logged), defines);
        System.out.println("[benchmark] the statements of one weekly report write, as pgbench runs them:\n" + script);

        List<WritePathBenchmark.Load> api = new ArrayList<>();
        int next = warmUp + 1;
        for (int level = 0; level < clients.length; level++) {
            api.add(WritePathBenchmark.reports(registry, codes.subList(next, next + writes[level]), clients[level]));
            next += writes[level];
            System.out.printf("[benchmark] PUT progress, %d clients: %s%n", clients[level], api.get(level));
        }
        try (Connection db = DriverManager.getConnection(registryUrl, "registry", "registry");
                Statement sql = db.createStatement()) {
            assertEquals(next, WritePathBenchmark.reportsOfTheWeek(sql), "every write is stored once");
            await().atMost(Duration.ofMinutes(5))
                    .until(() -> count(sql, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        }

        // the anchor: the registry stopped, its database copied, pgbench writing the same reports into the copy
        registryService.process().process.destroy();
        registryService.process().process.waitFor();
        postgres.copyDatabase("registry", "registry_pgbench", "registry");
        int targets = WritePathBenchmark.prepareTargets(postgres.jdbcUrl("registry_pgbench"), "registry");
        int pgbenchWrites = WritePathBenchmark.pgbench(
                        data, postgres.port(), "registry_pgbench", "registry", script, defines, 8, warmUp)
                .writes();
        List<WritePathBenchmark.Load> raw = new ArrayList<>();
        for (int level = 0; level < clients.length; level++) {
            raw.add(WritePathBenchmark.pgbench(
                    data,
                    postgres.port(),
                    "registry_pgbench",
                    "registry",
                    script,
                    defines,
                    clients[level],
                    writes[level]));
            pgbenchWrites += raw.get(level).writes();
            System.out.printf("[benchmark] pgbench, %d clients: %s%n", clients[level], raw.get(level));
        }
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("registry_pgbench"), "registry", "registry");
                Statement sql = db.createStatement()) {
            assertEquals(
                    next + pgbenchWrites,
                    WritePathBenchmark.reportsOfTheWeek(sql),
                    "pgbench wrote a report in each of its transactions (" + targets + " projects to pick from)");
        }
        for (int level = 0; level < clients.length; level++) {
            row(
                    "weekly report write (PUT progress), " + clients[level] + " client"
                            + (clients[level] > 1 ? "s" : ""),
                    api.get(level).perSecond(),
                    "writes/s",
                    clients[level] == 32 ? "≥ 0.5× pgbench" : "—",
                    raw.get(level).perSecond(),
                    "pgbench, same statements");
        }
        row(
                "weekly report write, p99 at 8 clients",
                api.get(1).p99Millis(),
                "ms",
                "< 100 ms",
                raw.get(1).p99Millis(),
                "pgbench p99");
    }

    private void row(String what, double value, String unit, String goal, Double anchor, String anchorName) {
        String measured = String.format(value >= 100 ? "%,.0f %s" : "%.2f %s", value, unit);
        String raw = anchor == null ? "—" : String.format("%,.0f %s (%s)", anchor, unit, anchorName);
        String ratio = anchor == null ? "—" : String.format("%.3f×", value / anchor);
        String line = "| " + what + " | " + measured + " | " + goal + " | " + raw + " | " + ratio + " |";
        System.out.println("[benchmark] " + line);
        table.add(line);
    }

    /** Imports the file, following the job to its end; the seconds it took. */
    private static double importing(Http registry, byte[] file, String type) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> accepted = registry.request("POST", "/api/v1/imports", type, file);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String job = "/api/v1/imports/"
                + Http.JSON.readTree(accepted.body()).get("id").asText();
        await().atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode state = registry.json(job);
                    if (state.get("status").asText().equals("FAILED")) {
                        throw new AssertionError(state.toString());
                    }
                    return state.get("status").asText().equals("DONE");
                });
        return seconds(System.nanoTime() - start);
    }

    /**
     * Waits until the tracker on {@code database} has {@code projects} projects; its rate, events a second, over the
     * events it took after its first {@code before}, from the first to the last (as its processed_event rows time them).
     */
    private static double caughtUp(RunningServices running, String database, int projects, long before)
            throws Exception {
        try (Connection db =
                        DriverManager.getConnection(running.servers.postgres().jdbcUrl(database), database, database);
                Statement sql = db.createStatement()) {
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> count(sql, "SELECT count(*) FROM tracked_project") >= projects);
            try (ResultSet span = sql.executeQuery(
                    "SELECT count(*), EXTRACT(EPOCH FROM max(processed_at) - min(processed_at)) FROM (SELECT processed_at"
                            + " FROM processed_event ORDER BY processed_at OFFSET " + before + ") taken")) {
                span.next();
                long events = span.getLong(1);
                double secondsTaken = span.getDouble(2);
                System.out.printf("[benchmark] %s: %,d events taken in %.1f s%n", database, events, secondsTaken);
                return events / Math.max(secondsTaken, 1e-3);
            }
        }
    }

    /** Kafka's own consumer perf tool, as the tracker's identity, reading the whole topic: messages a second. */
    private double consumerPerformance(RunningServices running, int messages) throws Exception {
        KafkaIdentities identities = running.servers.kafka().identities();
        Path config = data.resolve("perf-consumer.properties");
        StringBuilder properties = new StringBuilder();
        identities
                .clientConfig(KafkaIdentities.TRACKER.name())
                .forEach((key, value) ->
                        properties.append(key).append('=').append(value).append('\n'));
        Files.writeString(config, properties);
        Path output = data.resolve("perf-consumer.log");
        ChildProcess perf = ChildProcess.java(
                output,
                Map.of(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                running.servers.kafka().bootstrapServers(),
                "--topic",
                "ledger.project-events",
                "--group",
                "progress-tracker-perf",
                "--messages",
                String.valueOf(messages),
                "--consumer.config",
                config.toString(),
                "--timeout",
                "60000");
        perf.process.waitFor(5, TimeUnit.MINUTES);
        String log = perf.log();
        System.out.println("[benchmark] kafka ConsumerPerformance:\n" + log.strip());
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        Matcher values = Pattern.compile(
                        "(?m)^[0-9-]+ [0-9:.]+, [0-9-]+ [0-9:.]+, ([0-9.]+), ([0-9.]+), (\\d+), ([0-9.]+)")
                .matcher(log);
        if (!values.find()) {
            throw new AssertionError("ConsumerPerformance printed no figures:\n" + log);
        }
        return Double.parseDouble(values.group(4));
    }

    private static double median(Http service, String path, int runs) throws Exception {
        service.get(path); // warm
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = service.get(path);
            seconds.add(seconds(System.nanoTime() - start));
            assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        }
        Collections.sort(seconds);
        return seconds.get(runs / 2);
    }

    private static double rssMegabytes(RunningServices.Service service) throws IOException {
        for (String line : Files.readAllLines(
                Path.of("/proc", String.valueOf(service.process().process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static byte[] csv(List<LedgerRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheetWriter.writeCsv(rows, out);
        return out.toByteArray();
    }

    private static byte[] xlsx(List<LedgerRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheetWriter.writeXlsx(rows, out);
        return out.toByteArray();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

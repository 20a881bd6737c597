package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.localstack.PostgresServer;
import org.districtledger.sample.SyntheticCity;
import org.districtledger.sheet.LedgerSheetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A city's ledger imported at once while the tracker consumes it: 10,000 new projects in one CSV file, the job's
 * progress moving while it runs, and every project in the registry, on Kafka and in the tracker exactly once, none
 * lost and none twice. Prints how long each step took (a figure, not a goal: the benchmark compares them); with
 * {@code -Dledger.postgres.track-statements=true}, also the statements each database ran, most time first.
 */
class CityImportIT {

    private static final int ROWS = 10_000;

    @TempDir
    Path data;

    @Test
    void tenThousandRowsImportWhileTheTrackerConsumesAndEveryProjectArrivesOnce() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        LedgerSheetWriter.writeCsv(SyntheticCity.rows(ROWS), csv);
        try (RunningServices running = new RunningServices(data, "registry", "tracker")) {
            Http registry = running.start("project-registry", "registry", Map.of());
            Http tracker = running.start("progress-tracker", "tracker", Map.of());
            // the tracker's business day in the calibrated mid-year, as the run command's sample has it
            tracker.send("PUT", "/api/v1/clock", "{\"asOf\": \"2023-06-28\"}", 200);

            long started = System.nanoTime();
            HttpResponse<String> accepted = registry.request("POST", "/api/v1/imports", "text/csv", csv.toByteArray());
            assertEquals(202, accepted.statusCode(), accepted.body());
            String job = "/api/v1/imports/"
                    + Http.JSON.readTree(accepted.body()).get("id").asText();
            TreeSet<Integer> progress = new TreeSet<>();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        JsonNode state = registry.json(job);
                        progress.add(state.get("rowsDone").asInt());
                        assertTrue(!state.get("status").asText().equals("FAILED"), state.toString());
                        return state.get("status").asText().equals("DONE");
                    });
            long imported = System.nanoTime();
            JsonNode done = registry.json(job);
            assertEquals(ROWS, done.get("created").asInt(), done.toString());
            assertTrue(
                    progress.stream().anyMatch(rows -> rows > 0 && rows < ROWS),
                    "the job's progress moved while it ran: " + progress);

            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            tracker.json("/api/v1/projects?size=1").get("total").asInt() == ROWS);
            long consumed = System.nanoTime();
            System.out.printf(
                    "[benchmark] %,d-row CSV (%,d KB): imported in %.1f s (progress seen at %d points); the tracker had"
                            + " every project %.1f s after the import began, %.1f s after it was done%n",
                    ROWS,
                    csv.size() / 1024,
                    (imported - started) / 1e9,
                    progress.size(),
                    (consumed - started) / 1e9,
                    (consumed - imported) / 1e9);

            if (Boolean.getBoolean(PostgresServer.TRACK_STATEMENTS)) {
                for (String database : new String[] {"registry", "tracker"}) {
                    System.out.println("[benchmark] the statements " + database + " ran, most time first:");
                    running.servers
                            .postgres()
                            .busiestStatements(database, 15)
                            .forEach(line -> System.out.println("[benchmark]   " + line));
                }
            }
            try (Connection db = DriverManager.getConnection(
                            running.servers.postgres().jdbcUrl("registry"), "registry", "registry");
                    Statement sql = db.createStatement()) {
                assertEquals(ROWS, count(sql, "SELECT count(*) FROM project"));
                assertEquals(ROWS, count(sql, "SELECT count(DISTINCT name) FROM project"), "each row once");
                assertEquals(
                        ROWS,
                        count(
                                sql,
                                "SELECT count(*) FROM outbox_event WHERE event_type = 'ledger.project.registered.v1'"),
                        "one registered event a project");
                assertEquals(
                        0, count(sql, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"), "all published");
                // where the time goes: how long the registry's relay took to put the events on Kafka
                System.out.printf(
                        "[benchmark] the registry's relay published the %,d events over %.1f s%n",
                        ROWS,
                        seconds(
                                sql,
                                "SELECT EXTRACT(EPOCH FROM max(published_at) - min(occurred_at)) FROM outbox_event"));
            }
            try (Connection db = DriverManager.getConnection(
                            running.servers.postgres().jdbcUrl("tracker"), "tracker", "tracker");
                    Statement sql = db.createStatement()) {
                assertEquals(
                        ROWS,
                        count(sql, "SELECT count(*) FROM processed_event WHERE outcome = 'APPLIED'"),
                        "every event applied once");
                assertEquals(ROWS, count(sql, "SELECT count(DISTINCT project_code) FROM processed_event"));
                assertEquals(
                        ROWS, count(sql, "SELECT count(*) FROM tracked_project WHERE last_sequence = 1"), "none twice");
                assertEquals(0, count(sql, "SELECT count(*) FROM parked_event"), "none waiting for a lost one");
                System.out.printf(
                        "[benchmark] the tracker took them over %.1f s%n",
                        seconds(
                                sql,
                                "SELECT EXTRACT(EPOCH FROM max(processed_at) - min(processed_at)) FROM processed_event"));
                System.out.printf(
                        "[benchmark] open flags on the imported city: %d red, %d yellow%n",
                        count(sql, "SELECT count(*) FROM flag WHERE state = 'OPEN' AND colour = 'RED'"),
                        count(sql, "SELECT count(*) FROM flag WHERE state = 'OPEN' AND colour = 'YELLOW'"));
                try (ResultSet byRule = sql.executeQuery(
                        "SELECT rule, colour, count(*) FROM flag WHERE state = 'OPEN' GROUP BY rule, colour ORDER BY 3 DESC")) {
                    while (byRule.next()) {
                        System.out.printf(
                                "[benchmark]   %s %s: %d%n",
                                byRule.getString(1), byRule.getString(2), byRule.getLong(3));
                    }
                }
            }
        }
    }

    private static double seconds(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

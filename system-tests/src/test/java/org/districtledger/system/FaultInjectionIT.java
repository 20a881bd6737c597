package org.districtledger.system;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.districtledger.localstack.KafkaIdentities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into the real processes (the packaged services, PostgreSQL and a Kafka broker that checks
 * identities), each under a steady load of weekly reports, and the events counted afterwards: written (committed
 * in the registry's outbox), applied by the tracker, applied twice, and lost. Every scenario must end with 0 lost
 * and 0 applied twice. The summary line of each run is printed ({@code [faults]}) and kept in the README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final int PROJECTS = 12;
    private static final Map<String, String> SUMMARY = new LinkedHashMap<>();

    private static Path data;
    private static RunningServices running;
    private static Http registry;
    private static RunningServices.Service tracker;
    private static int serial;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("ledger-faults");
        running = new RunningServices(data, "registry", "tracker");
        registry = running.start("project-registry", "registry", Map.of());
        tracker = running.startService("progress-tracker", "tracker", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        System.out.println("[faults] " + String.join("; ", SUMMARY.values()));
        if (running != null) {
            running.close();
        }
    }

    @Test
    @Order(1)
    void theTrackerKilledHardFiveTimesMidStreamLosesNothingAndAppliesNothingTwice() throws Exception {
        List<String> projects = projects("kill");
        Load load = Load.start(registry, projects);
        for (int kill = 1; kill <= 5; kill++) {
            Thread.sleep(6_000);
            tracker.process().process.destroyForcibly().waitFor(); // kill -9: no shutdown hook, a batch half done
            tracker = running.startService("progress-tracker", "tracker", Map.of());
        }
        load.stop();
        count("kill -9 tracker ×5", projects, load);
    }

    @Test
    @Order(2)
    void postgresStoppedForThreeMinutesUnderLoadLosesNothing() throws Exception {
        List<String> projects = projects("pg");
        Load load = Load.start(registry, projects);
        Thread.sleep(5_000);
        running.servers.stopPostgres();
        Thread.sleep(Duration.ofMinutes(3).toMillis());
        running.servers.restartPostgres();
        Thread.sleep(10_000);
        load.stop();
        assertTrue(tracker.process().process.isAlive(), "the tracker waited the outage out");
        count("PostgreSQL down 3 min", projects, load);
    }

    @Test
    @Order(3)
    void theBrokerRestartedUnderLoadLosesNothing() throws Exception {
        List<String> projects = projects("kafka");
        Load load = Load.start(registry, projects);
        Thread.sleep(5_000);
        running.servers.stopKafka();
        Thread.sleep(20_000);
        running.servers.restartKafka();
        Thread.sleep(10_000);
        load.stop();
        count("broker restart", projects, load);
    }

    @Test
    @Order(4)
    void aGapWaitsForTheLateEventAndBothAreAppliedOnce() throws Exception {
        String code = "WQ-2099-0" + (100 + serial++);
        try (KafkaProducer<String, String> producer = producer(KafkaIdentities.REGISTRY.name())) {
            producer.send(event(code, 1, "/project-registry")).get(30, TimeUnit.SECONDS);
            producer.send(event(code, 3, "/project-registry")).get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> trackerCount("SELECT count(*) FROM parked_event WHERE project_code = ?", code) == 1);
            producer.send(event(code, 2, "/project-registry")).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> trackerCount("SELECT count(*) FROM processed_event WHERE project_code = ?", code) == 3);
        long applied = trackerCount(
                "SELECT count(*) FROM processed_event WHERE outcome = 'APPLIED' AND project_code = ?", code);
        long told = trackerCount(
                "SELECT count(*) FROM timeline_entry WHERE kind = 'EVENT' AND type LIKE 'ledger.project.%' AND project_code = ?",
                code);
        long parked = trackerCount("SELECT count(*) FROM parked_event WHERE project_code = ?", code);
        SUMMARY.put(
                "gap",
                String.format(
                        "gap and late event: written 3, applied %d, twice %d, lost %d",
                        applied, told - applied, 3 - applied));
        assertEquals(3, applied);
        assertEquals(applied, told, "each applied once");
        assertEquals(0, parked);
    }

    @Test
    @Order(5)
    void forgedEventsGrantNothing() throws Exception {
        String project = registry.send(
                        "POST",
                        "/api/v1/projects",
                        "{\"name\": \"伪造测试项目\", \"pool\": \"BUILDING\", \"planYear\": 2023, \"actualStart\": \"2022-12-01\","
                                + " \"totalInvestment\": 9000.00, \"annualPlanInvestment\": 3000.00}",
                        201)
                .get("code")
                .asText();
        String forgedAssignment = "{\"projectCode\": \"" + project + "\", \"version\": 9223372036854775807,"
                + " \"taskForce\": {\"name\": \"伪造专班\", \"members\": [{\"name\": \"伪造者\", \"account\": \"officer-li\"}]}}";
        int refused = 0;
        // the approval bureau (or anyone but the tracker) cannot even put an assignment on the tracker's topic
        for (String identity : List.of(
                KafkaIdentities.APPROVAL_BUREAU.name(),
                KafkaIdentities.REGISTRY.name(),
                KafkaIdentities.DISTRICT_READER.name())) {
            try (KafkaProducer<String, String> producer = producer(identity)) {
                Exception failed = assertThrows(
                        Exception.class,
                        () -> producer.send(record(
                                        "ledger.tracker-alerts",
                                        project,
                                        "ledger.assignment.changed.v1",
                                        "/progress-tracker",
                                        forgedAssignment))
                                .get(30, TimeUnit.SECONDS));
                assertInstanceOf(AuthorizationException.class, authorization(failed), identity);
                refused++;
            }
        }
        // a project event claiming another source, from a registry that was talked into relaying it, is dead-lettered
        String forged = "WQ-2099-0" + (100 + serial++);
        try (KafkaProducer<String, String> producer = producer(KafkaIdentities.REGISTRY.name())) {
            producer.send(event(forged, 1, "/someone-else")).get(30, TimeUnit.SECONDS);
        }
        Thread.sleep(5_000);
        long applied = trackerCount("SELECT count(*) FROM processed_event WHERE project_code = ?", forged);
        // officer-li is in no task force of the project: still refused
        String li = registry.signIn("officer-li");
        int answer = registry.post(
                "/api/v1/projects/" + project + "/problems", "{\"title\": \"伪造的问题\", \"department\": \"区发改委\"}", li);
        SUMMARY.put(
                "forged",
                String.format(
                        "forged: 4 written, %d refused by the broker, %d applied, officer-li still %d",
                        refused, applied, answer));
        assertEquals(0, applied);
        assertEquals(403, answer, "the forged assignment granted nothing");
    }

    /** The authorization failure behind an exception (with the send's result, or from send itself), or the exception. */
    private static Throwable authorization(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return cause;
            }
        }
        return failed;
    }

    /** Projects in the building pool for one scenario, registered and known to the tracker. */
    private static List<String> projects(String scenario) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            String body = "{\"name\": \"故障测试" + scenario + "项目" + i
                    + "\", \"pool\": \"BUILDING\", \"planYear\": 2023, \"actualStart\": \"2022-12-01\","
                    + " \"totalInvestment\": 80000.00, \"annualPlanInvestment\": 26000.00}";
            codes.add(registry.send("POST", "/api/v1/projects", body, 201)
                    .get("code")
                    .asText());
        }
        return codes;
    }

    /**
     * Counts the scenario's events once the tracker has caught up (or after five minutes): written, applied, applied
     * twice, lost; and the writes the registry accepted against the events it committed.
     */
    private static void count(String scenario, List<String> projects, Load load) throws Exception {
        long written = registryCount("SELECT count(*) FROM outbox_event WHERE aggregate_code = ANY (?)", projects);
        try {
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> trackerCount(
                                    "SELECT count(*) FROM processed_event WHERE outcome = 'APPLIED' AND project_code = ANY (?)",
                                    projects)
                            >= written);
        } catch (RuntimeException stillBehind) {
            // counted below: what is missing is lost
        }
        long applied = trackerCount(
                "SELECT count(DISTINCT (project_code, sequence)) FROM processed_event WHERE outcome = 'APPLIED'"
                        + " AND project_code = ANY (?)",
                projects);
        long told = trackerCount(
                "SELECT count(*) FROM timeline_entry WHERE kind = 'EVENT' AND type LIKE 'ledger.project.%'"
                        + " AND project_code = ANY (?)",
                projects);
        long reports = registryCount(
                "SELECT count(*) FROM outbox_event WHERE event_type = 'ledger.project.progress-reported.v1'"
                        + " AND aggregate_code = ANY (?)",
                projects);
        long unpublished = registryCount(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_code = ANY (?)", projects);
        long twice = told - applied;
        long lost = written - applied;
        String line = String.format(
                "%s: %d writes accepted (%d refused while down), %d events written, %d applied, %d twice, %d lost",
                scenario, load.accepted.get(), load.refused.get(), written, applied, twice, lost);
        SUMMARY.put(scenario, line);
        System.out.println("[faults] " + line);
        assertEquals(0, unpublished, "the outbox is empty again");
        assertEquals(0, lost, line);
        assertEquals(0, twice, line);
        assertTrue(reports >= load.accepted.get(), "every accepted report has its event: " + line);
        assertTrue(load.accepted.get() > 50, "the load ran: " + line);
    }

    /**
     * Four writers sending weekly reports, week after week, each retried while the registry cannot take it (no
     * answer, 5xx) until it is accepted; a 4xx would be a bug of the test and stops it.
     */
    private static final class Load {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService writers = Executors.newFixedThreadPool(4);
        private final List<Future<?>> work = new ArrayList<>();

        static Load start(Http registry, List<String> projects) {
            Load load = new Load();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                load.work.add(load.writers.submit(() -> {
                    for (int week = 1; load.running.get() && week <= 52 * 3; week++) {
                        String isoWeek = String.format("%d-W%02d", 2023 + (week - 1) / 52, (week - 1) % 52 + 1);
                        for (int p = writer; p < projects.size() && load.running.get(); p += 4) {
                            String path = "/api/v1/projects/" + projects.get(p) + "/progress/" + isoWeek;
                            String body = "{\"investmentCompleted\": " + (10 + week) + ".00, \"imageProgressPercent\": "
                                    + Math.min(99, week) + ", \"siteStatus\": \"STARTED\"}";
                            while (load.running.get()) {
                                int status = registry.status("PUT", path, body);
                                if (status == 200 || status == 201) {
                                    load.accepted.incrementAndGet();
                                    break;
                                }
                                if (status >= 400 && status < 500) {
                                    throw new AssertionError("PUT " + path + " refused with " + status);
                                }
                                load.refused.incrementAndGet();
                                Thread.sleep(250);
                            }
                        }
                    }
                    return null;
                }));
            }
            return load;
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> writer : work) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writers.shutdown();
        }
    }

    private static KafkaProducer<String, String> producer(String identity) {
        Map<String, Object> config = new HashMap<>(running.servers.kafka().clientConfig(identity));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config);
    }

    /** A project event as the registry's relay writes it (claiming the given source). */
    private static ProducerRecord<String, String> event(String code, long sequence, String source) {
        String body = "{\"sequence\": " + sequence + ", \"change\": {}, \"project\": {\"code\": \"" + code
                + "\", \"name\": \"缺口测试项目\", \"pool\": \"PLANNING\", \"planYear\": 2023, \"totalInvestment\": 5000.00,"
                + " \"annualPlanInvestment\": 0.00}}";
        return record("ledger.project-events", code, "ledger.project.updated.v1", source, body);
    }

    private static ProducerRecord<String, String> record(
            String topic, String key, String type, String source, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        record.headers()
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_source", source.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_subject", key.getBytes(StandardCharsets.UTF_8))
                .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static long registryCount(String sql, Object parameter) throws SQLException {
        return count("registry", sql, parameter);
    }

    private static long trackerCount(String sql, Object parameter) throws SQLException {
        return count("tracker", sql, parameter);
    }

    /** A count in a service's database, read as its owner (the test's own eyes, not the service's). */
    private static long count(String database, String sql, Object parameter) throws SQLException {
        try (Connection db =
                        DriverManager.getConnection(running.servers.postgres().jdbcUrl(database), database, database);
                PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter instanceof List<?> list) {
                Array array = db.createArrayOf("varchar", list.toArray());
                query.setArray(1, array);
            } else {
                query.setObject(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}

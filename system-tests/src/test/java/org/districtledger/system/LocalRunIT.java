package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.districtledger.localstack.KafkaIdentities;
import org.districtledger.sample.LedgerImportCli;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command as a user runs it: everything up, the sample ledger loaded, a project flows from registry to
 * tracker, Ctrl-C stops all, and the next start finds the ledger as it was. It runs on the system the other system
 * tests share (after them: it stops and starts it again).
 */
@Order(100)
@ExtendWith(SampleSystem.Shared.class)
class LocalRunIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRunCommandStartsEverythingKeepsTheLedgerAndCtrlCLeavesNoProcess(SampleSystem system) throws Exception {
        int registryPort = system.registryPort;
        int trackerPort = system.trackerPort;
        Map<String, String> env = system.env;
        Path data = system.data;
        ChildProcess launcher = system.launcher();
        assertTrue(launcher.log().contains("PostgreSQL and Kafka are up"), launcher.log());
        assertReady(registryPort);
        assertReady(trackerPort);
        assertTrue(
                system.firstStartSeconds <= 60,
                "both services ready within 60 s of the servers, took " + system.firstStartSeconds + " s");

        // a first start loads the 2023 sample ledger and simulates the year to mid-year
        assertTrue(launcher.log().contains("Sample ledger ready"), launcher.log());
        Http registry = new Http(registryPort);
        Http tracker = new Http(trackerPort);
        token = registry.token();
        assertTrue(launcher.log().contains("Sample ledger ready"), launcher.log());
        assertTrue(
                launcher.log().contains(": 432 projects, simulated to 2023-W26"), "the sample ledger's 432 projects");
        // the tests before this one may have added projects (WorkspacePageIT imports two)
        int projects = registry.json("/api/v1/projects?size=1").get("total").asInt();
        assertTrue(projects >= 432, "the sample ledger's 432 projects, and those the tests before added: " + projects);
        JsonNode building =
                registry.json("/api/v1/projects?pool=BUILDING&size=500").get("items");
        long reporting = 0;
        for (JsonNode project : building) {
            if (project.path("lastReportedWeek").asText("").startsWith("2023-W")) {
                reporting++;
            }
        }
        assertTrue(reporting > 150, "weeks of reports: " + reporting + " building projects reported");
        String someone = building.get(0).get("code").asText();
        assertTrue(
                registry.json("/api/v1/projects/" + someone + "/progress").size() > 5,
                "weeks of reports of " + someone);
        assertEquals(
                projects,
                projectsOnTheTopic(env.get("LEDGER_KAFKA_PORT"), system.data, projects),
                "every project's events are on ledger.project-events");
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        tracker.json("/api/v1/projects?size=1").get("total").asInt() == projects);
        assertTrue(tracker.json("/api/v1/flags").size() > 0, "the tracker flags the laggards");
        assertEquals("2023-07-02", tracker.json("/api/v1/clock").get("today").asText());
        await().atMost(Duration.ofMinutes(3))
                .until(() -> RunningServices.sequences(registry, "sequence")
                        .equals(RunningServices.sequences(tracker, "lastSequence")));

        // the registry learns who may write from the tracker's own assignment events: officer-wang (on the task
        // forces of 刘振东's infrastructure projects) raises a problem on one, and is refused on 孙丽娟's schools
        String wang = registry.signIn("officer-wang");
        String own = tracker.json("/api/v1/assignments?leader=" + URLEncoder.encode("刘振东", StandardCharsets.UTF_8))
                .get(0)
                .get("projectCode")
                .asText();
        String other = tracker.json("/api/v1/assignments?leader=" + URLEncoder.encode("孙丽娟", StandardCharsets.UTF_8))
                .get(0)
                .get("projectCode")
                .asText();
        String problem = "{\"title\": \"施工用电接入\", \"department\": \"区供电公司\", \"raisedOn\": \"2023-07-01\"}";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> registry.post("/api/v1/projects/" + own + "/problems", problem, wang) == 201);
        assertEquals(
                403,
                registry.post("/api/v1/projects/" + other + "/problems", problem, wang),
                "not his task force's project");

        // the office's importer: the ledger as exported imports again and changes nothing; the year-old
        // sheet, whose pools the simulated year has since changed, is refused whole
        URI registryUri = URI.create("http://localhost:" + registryPort);
        Path exported = data.resolve("ledger.xlsx");
        Files.write(
                exported,
                HTTP.send(
                                HttpRequest.newBuilder(registryUri.resolve("/api/v1/exports/ledger.xlsx"))
                                        .header("Authorization", "Bearer " + registry.token())
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body());
        assertEquals(
                0, LedgerImportCli.run(exported, registryUri, false), "the importer imports the exported ledger again");
        Path outdated = data.resolve("ledger.csv");
        try (var in = LedgerImportCli.class.getResourceAsStream("/sample/wuqing-2023-ledger.csv")) {
            Files.write(outdated, in.readAllBytes());
        }
        assertEquals(1, LedgerImportCli.run(outdated, registryUri, false), "the importer refuses a sheet with errors");
        assertEquals(
                projects, registry.json("/api/v1/projects?size=1").get("total").asInt(), "and nothing changed");

        // a new project of the year the office works in (a test before may have rolled 2023 over)
        int planYear = 0;
        for (JsonNode year : registry.json("/api/v1/plan-years")) {
            if (year.get("status").asText().equals("OPEN")) {
                planYear = year.get("year").asInt();
            }
        }
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + registryPort + "/api/v1/projects"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + registry.token())
                        .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "中国电信京津冀大数据基地二期", "pool": "BUILDING", "industryChain": "云数据应用",
                         "planYear": %d, "totalInvestment": 350000.00, "annualPlanInvestment": 60000.00,
                         "actualStart": "2022-03-18"}""".formatted(planYear), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        long createdAt = System.nanoTime();
        String code = codeOf(created.body());
        URI inTracker = URI.create("http://localhost:" + trackerPort + "/api/v1/projects/" + code);
        while (get(inTracker).statusCode() != 200) {
            assertTrue(
                    System.nanoTime() - createdAt < TimeUnit.SECONDS.toNanos(2), "visible from the tracker within 2 s");
            Thread.sleep(50);
        }
        long visibleAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - createdAt);
        System.out.printf(
                "[run command] first start %d s after the servers; %s visible from the tracker after %d ms%n",
                system.firstStartSeconds, code, visibleAfterMillis);

        List<ProcessHandle> ours =
                new ArrayList<>(launcher.process.descendants().toList());
        ours.add(launcher.process.toHandle());
        ours.add(ProcessHandle.of(postmasterPid(data)).orElseThrow());
        assertTrue(ours.size() >= 5, "launcher, broker, two services and PostgreSQL: " + ours);

        launcher.interrupt();
        assertTrue(launcher.process.waitFor(90, TimeUnit.SECONDS), "the run command stops after Ctrl-C");
        for (ProcessHandle process : ours) {
            process.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(
                    process.isAlive(),
                    "left running: " + process.info().commandLine().orElse(String.valueOf(process.pid())));
        }

        launcher = system.startAgain("second-run.out");
        long again = System.nanoTime();
        launcher.awaitLog("Press Ctrl-C to stop.", Duration.ofMinutes(3));
        System.out.printf(
                "[run command] second start (data reused) took %d s in all%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - again));
        assertFalse(launcher.log().contains("initdb"), "the second run reuses the database");
        assertEquals(
                200,
                get(URI.create("http://localhost:" + registryPort + "/api/v1/projects/" + code))
                        .statusCode(),
                "the registry finds the ledger as it was");
        assertEquals(200, get(inTracker).statusCode(), "the tracker finds its read model as it was");

        // killed hard, the run command leaves its PostgreSQL, Kafka and services running; the next start on the same
        // data folder stops them and goes on
        long postmaster = postmasterPid(data);
        List<ProcessHandle> children = launcher.process.descendants().toList();
        launcher.process.destroyForcibly();
        assertTrue(launcher.process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL left behind");
        launcher = system.startAgain("third-run.out");
        launcher.awaitLog("Press Ctrl-C to stop.", Duration.ofMinutes(3));
        assertTrue(launcher.log().contains("left behind"), launcher.log());
        assertFalse(
                ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "the old PostgreSQL stopped");
        for (ProcessHandle child : children) {
            assertFalse(
                    child.isAlive(),
                    "left running: " + child.info().commandLine().orElse(String.valueOf(child.pid())));
        }
        assertEquals(
                200,
                get(URI.create("http://localhost:" + registryPort + "/api/v1/projects/" + code))
                        .statusCode(),
                "the ledger as it was, after a hard kill");
        launcher.interrupt();
        assertTrue(launcher.process.waitFor(90, TimeUnit.SECONDS));
    }

    /** How many projects have events on ledger.project-events, read from the start as another system would. */
    private static int projectsOnTheTopic(String kafkaPort, Path data, int expected) {
        Set<String> codes = new HashSet<>();
        // as another district system would: the read-only identity whose password the run command keeps
        Map<String, Object> signIn =
                new HashMap<>(KafkaIdentities.in(data).clientConfig(KafkaIdentities.DISTRICT_READER.name()));
        signIn.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        try (KafkaConsumer<String, String> consumer =
                DistrictReader.consumer(signIn, "run-command-test-" + System.nanoTime())) {
            consumer.subscribe(List.of("ledger.project-events"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (codes.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> codes.add(record.key()));
            }
        }
        return codes.size();
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"))
                .get(0)
                .trim());
    }

    private static void assertReady(int port) throws Exception {
        HttpResponse<String> ready = get(URI.create("http://localhost:" + port + "/q/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""));
    }

    /** The office's token, once signed in; the same keys serve the second run, so it stays good. */
    private static String token;

    static HttpResponse<String> get(URI uri) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null && !uri.getPath().startsWith("/q/")) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String codeOf(String json) {
        Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(json);
        assertTrue(code.find(), json);
        return code.group(1);
    }
}

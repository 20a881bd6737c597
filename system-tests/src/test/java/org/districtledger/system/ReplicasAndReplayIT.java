package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.core.ConditionTimeoutException;
import org.districtledger.localstack.KafkaIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scaling out and rebuilding, on one set of servers. Two replicas of each service under a thousand concurrent
 * writes: the registries publish every event once and in each project's order (one relay at a time), the two
 * tracker replicas share the partitions and apply each event once. Then a third tracker replays the topics from
 * offset 0 into an empty database and ends with the same read model, assignments and flags as the replicas that
 * followed them live.
 */
class ReplicasAndReplayIT {

    private static final int LOADED = 40;
    private static final int WEEKS = 25;
    private static final String AS_OF = "2023-06-30";

    @TempDir
    Path data;

    private RunningServices running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void twoReplicasOfEachServiceApplyEveryEventOnceInOrderAndAReplayGivesTheSameState() throws Exception {
        running = new RunningServices(data, "registry", "tracker", "tracker_replay");
        List<Http> registries = running.startReplicas("project-registry", "registry", 2);
        List<Http> trackers = running.startReplicas("progress-tracker", "tracker", 2);
        Http trackerA = trackers.get(0);
        Http trackerB = trackers.get(1);

        long began = System.nanoTime();
        List<String> varied = varied(registries, trackerA);
        List<String> loaded = loaded(registries);
        long written = System.nanoTime();
        Map<String, Long> expected = RunningServices.sequences(registries.get(0), "sequence");
        assertEquals(varied.size() + LOADED, expected.size());
        assertTrue(
                loaded.stream().allMatch(code -> expected.get(code) == WEEKS + 1),
                "each loaded project: registered and " + WEEKS + " reports");

        Map<String, List<Long>> published = published(
                running.servers.kafka().clientConfig(KafkaIdentities.DISTRICT_READER.name()),
                expected.values().stream().mapToInt(Long::intValue).sum());
        expected.forEach((code, last) -> assertEquals(
                LongStream.rangeClosed(1, last).boxed().toList(),
                published.get(code),
                code + ": every event once, in the project's order"));

        await().atMost(Duration.ofMinutes(3))
                .until(() -> expected.equals(RunningServices.sequences(trackerA, "lastSequence")));
        long applied = System.nanoTime();
        trackerA.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + AS_OF + "\"}", 200);
        assertEquals(
                trackerA.json("/api/v1/projects?size=500"),
                trackerB.json("/api/v1/projects?size=500"),
                "both replicas answer alike");

        long replayStart = System.nanoTime();
        Http replay = running.start(
                "progress-tracker",
                "tracker_replay",
                Map.of(
                        "MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID", "progress-tracker-replay",
                        "MP_MESSAGING_INCOMING_ASSIGNMENT_REPLAY_GROUP_ID", "progress-tracker-replay-assignments"));
        try {
            await().atMost(Duration.ofMinutes(3))
                    .until(() -> expected.equals(RunningServices.sequences(replay, "lastSequence"))
                            && replay.json("/api/v1/assignments").size()
                                    == trackerA.json("/api/v1/assignments").size());
        } catch (ConditionTimeoutException stuck) {
            // what the replay lacks, and what its tracker said: a failure here must say why
            Map<String, Long> got = RunningServices.sequences(replay, "lastSequence");
            List<String> behind = expected.entrySet().stream()
                    .filter(e -> !e.getValue().equals(got.get(e.getKey())))
                    .map(e -> e.getKey() + " at " + got.get(e.getKey()) + " of " + e.getValue())
                    .toList();
            throw new AssertionError(
                    "the replay did not catch up in 3 minutes: " + behind.size() + " projects behind " + behind
                            + "; assignments "
                            + replay.json("/api/v1/assignments").size() + " of "
                            + trackerA.json("/api/v1/assignments").size() + "; its log ends:\n"
                            + running.tailOfLastStarted(80),
                    stuck);
        }
        long replayed = System.nanoTime();
        replay.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + AS_OF + "\"}", 200);
        System.out.printf(
                "[replicas] %d events written through two registries in %d s; two tracker replicas caught up %d s"
                        + " later; a third replayed them from offset 0 in %d s%n",
                expected.values().stream().mapToLong(Long::longValue).sum(),
                TimeUnit.NANOSECONDS.toSeconds(written - began),
                TimeUnit.NANOSECONDS.toSeconds(applied - written),
                TimeUnit.NANOSECONDS.toSeconds(replayed - replayStart));

        assertEquals(
                trackerA.json("/api/v1/projects?size=500"), replay.json("/api/v1/projects?size=500"), "the read model");
        assertEquals(
                withoutAuditTimes(trackerA.json("/api/v1/assignments")),
                withoutAuditTimes(replay.json("/api/v1/assignments")),
                "the assignments");
        JsonNode flags = RunningServices.comparableFlags(trackerA.json("/api/v1/flags"));
        assertFalse(flags.isEmpty(), "the live trackers raised flags");
        assertEquals(flags, RunningServices.comparableFlags(replay.json("/api/v1/flags")), "the open flags");
    }

    /** Twelve projects in every pool with permits, a start, conversions and assignments (one changed): every kind of event. */
    private static List<String> varied(List<Http> registries, Http tracker) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String pool = switch (i % 4) {
                case 0 -> "PREPARING";
                case 1 -> "BUILDING";
                case 2 -> "RESERVE";
                default -> "PLANNING";
            };
            String annual = i % 3 == 0 ? "15000.00" : "3000.00";
            String body = "{\"name\": \"回放测试项目" + i + "\", \"pool\": \"" + pool
                    + "\", \"planYear\": 2023, \"town\": \"杨村街道\","
                    + " \"industryChain\": \"高端装备\", \"totalInvestment\": 60000.00, \"annualPlanInvestment\": " + annual
                    + (pool.equals("PREPARING") ? ", \"plannedStart\": \"2023-0" + (3 + i % 3) + "-10\"" : "")
                    + (pool.equals("BUILDING") ? ", \"actualStart\": \"2022-11-01\"" : "")
                    + ", \"poolSince\": \"2022-1" + (i % 3) + "-01\"}";
            codes.add(registries
                    .get(i % 2)
                    .send("POST", "/api/v1/projects", body, 201)
                    .get("code")
                    .asText());
        }
        for (int i = 0; i < codes.size(); i++) {
            Http registry = registries.get((i + 1) % 2);
            String code = codes.get(i);
            if (i % 4 == 1) {
                registry.send(
                        "PUT",
                        "/api/v1/projects/" + code + "/progress/2023-W10",
                        "{\"investmentCompleted\": " + (200 * i)
                                + ".00, \"imageProgressPercent\": 20, \"siteStatus\": \"STARTED\"}",
                        201);
            }
            if (i % 4 == 0) {
                registry.send(
                        "PUT",
                        "/api/v1/projects/" + code + "/procedures/CONSTRUCTION_PERMIT",
                        "{\"status\": \"IN_PROGRESS\", \"targetDate\": \"2023-04-01\"}",
                        200);
            }
            if (i == 4) {
                registry.send(
                        "POST",
                        "/api/v1/projects/" + code + "/milestones",
                        "{\"type\": \"STARTED\", \"date\": \"2023-05-02\"}",
                        201);
            }
            if (i % 4 == 3) {
                registry.send(
                        "POST",
                        "/api/v1/projects/" + code + "/conversions",
                        "{\"to\": \"RESERVE\", \"date\": \"2023-04-20\"}",
                        201);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> codes.stream().allMatch(code -> known(tracker, code)));
        for (int i = 0; i < codes.size(); i += 3) {
            tracker.send(
                    "PUT",
                    "/api/v1/assignments/" + codes.get(i),
                    "{\"leader\": {\"name\": \"领导" + i + "\", \"title\": \"副区长\"}," + " \"taskForce\": {\"name\": \"专班"
                            + i + "\", \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"成员" + i + "\"}]}}",
                    200);
        }
        tracker.send(
                "PUT",
                "/api/v1/assignments/" + codes.get(0),
                "{\"leader\": {\"name\": \"新领导\"},"
                        + " \"taskForce\": {\"name\": \"专班0\", \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"成员0\"}]}}",
                200);
        return codes;
    }

    /** Forty building projects, and a year of weekly reports for each from eight writers, through either registry. */
    private static List<String> loaded(List<Http> registries) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LOADED; i++) {
            String body = "{\"name\": \"副本测试项目" + i
                    + "\", \"pool\": \"BUILDING\", \"planYear\": 2023, \"actualStart\": \"2022-12-01\","
                    + " \"totalInvestment\": 80000.00, \"annualPlanInvestment\": "
                    + (i % 2 == 0 ? "26000.00" : "5200.00") + "}";
            codes.add(registries
                    .get(i % 2)
                    .send("POST", "/api/v1/projects", body, 201)
                    .get("code")
                    .asText());
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            work.add(writers.submit(() -> {
                for (int week = 1; week <= WEEKS; week++) {
                    for (int p = writer; p < LOADED; p += 8) {
                        Http registry = registries.get((week + p) % 2);
                        registry.send(
                                "PUT",
                                String.format("/api/v1/projects/%s/progress/2023-W%02d", codes.get(p), week),
                                "{\"investmentCompleted\": " + (50 + p) + ".00, \"imageProgressPercent\": "
                                        + Math.min(99, week * 2) + ", \"siteStatus\": \"STARTED\"}",
                                201);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : work) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();
        return codes;
    }

    private static boolean known(Http tracker, String code) {
        try {
            return tracker.get("/api/v1/projects/" + code).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Each project's event sequence numbers, in the order a consumer reads them from ledger.project-events. */
    private static Map<String, List<Long>> published(Map<String, Object> reader, int expected) throws Exception {
        Map<String, List<Long>> sequences = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = DistrictReader.consumer(reader, "replicas-test")) {
            consumer.subscribe(List.of("ledger.project-events"));
            int read = 0;
            long quietUntil = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline && (read < expected || System.nanoTime() < quietUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    sequences
                            .computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(Http.JSON
                                    .readTree(record.value())
                                    .get("sequence")
                                    .asLong());
                    read++;
                }
                if (read >= expected && quietUntil == 0) {
                    quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3); // a duplicate would come right behind
                }
            }
        }
        return sequences;
    }

    /** Assignments as data: the moment a replay wrote them is its own. */
    private static JsonNode withoutAuditTimes(JsonNode assignments) {
        ArrayNode copy = assignments.deepCopy();
        copy.forEach(a -> ((ObjectNode) a).remove("changedAt"));
        return copy;
    }
}

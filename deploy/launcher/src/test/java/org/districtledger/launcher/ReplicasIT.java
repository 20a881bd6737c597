package org.districtledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two registries on one database and two trackers in one consumer group, under a few thousand writes spread
 * over many projects: every project's events arrive complete, once and in order, and the trackers end in the
 * same state as a tracker running alone.
 */
class ReplicasIT {

    private static final int PROJECTS = 40;
    private static final int WEEKS = 50;
    private static final String AS_OF = "2023-12-31";

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
    void twoReplicasOfEachServicePublishAndApplyEveryEventOnceAndInOrder() throws Exception {
        running = new RunningServices(data, "registry", "tracker", "tracker_single");
        List<Http> registries = List.of(running.start("project-registry", "registry", Map.of()),
                running.start("project-registry", "registry", Map.of()));
        Http trackerA = running.start("progress-tracker", "tracker", Map.of());
        Http trackerB = running.start("progress-tracker", "tracker", Map.of());
        Http single = running.start("progress-tracker", "tracker_single", Map.of(
                "MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID", "progress-tracker-single",
                "MP_MESSAGING_INCOMING_ASSIGNMENT_REPLAY_GROUP_ID", "progress-tracker-single-assignments"));

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            String body = "{\"name\": \"副本测试项目" + i + "\", \"pool\": \"BUILDING\", \"planYear\": 2023, \"actualStart\": \"2022-12-01\","
                    + " \"totalInvestment\": 80000.00, \"annualPlanInvestment\": " + (i % 2 == 0 ? "26000.00" : "5200.00") + "}";
            codes.add(registries.get(i % 2).send("POST", "/api/v1/projects", body, 201).get("code").asText());
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            work.add(writers.submit(() -> {
                for (int week = 1; week <= WEEKS; week++) {
                    for (int p = writer; p < PROJECTS; p += 8) {
                        Http registry = registries.get((week + p) % 2);
                        registry.send("PUT", String.format("/api/v1/projects/%s/progress/2023-W%02d", codes.get(p), week),
                                "{\"investmentCompleted\": " + (50 + p) + ".00, \"imageProgressPercent\": " + Math.min(99, week * 2)
                                        + ", \"siteStatus\": \"STARTED\"}", 201);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : work) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();

        Map<String, Long> expected = RunningServices.sequences(registries.get(0), "sequence");
        assertEquals(PROJECTS, expected.size());
        assertTrue(expected.values().stream().allMatch(s -> s == WEEKS + 1), "each project: registered and " + WEEKS + " reports");

        Map<String, List<Long>> published = published(running.servers.kafka().bootstrapServers(), PROJECTS * (WEEKS + 1));
        for (String code : codes) {
            assertEquals(LongStream.rangeClosed(1, WEEKS + 1).boxed().toList(), published.get(code),
                    code + ": every event once, in the project's order");
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> expected.equals(RunningServices.sequences(trackerA, "lastSequence"))
                && expected.equals(RunningServices.sequences(single, "lastSequence")));
        trackerA.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + AS_OF + "\"}", 200);
        single.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + AS_OF + "\"}", 200);
        assertEquals(single.json("/api/v1/projects?size=500"), trackerA.json("/api/v1/projects?size=500"), "the read model");
        assertEquals(trackerA.json("/api/v1/projects?size=500"), trackerB.json("/api/v1/projects?size=500"), "both replicas answer alike");
        JsonNode flags = RunningServices.comparableFlags(single.json("/api/v1/flags"));
        assertTrue(flags.size() > 0, "the trackers raise flags");
        assertEquals(flags, RunningServices.comparableFlags(trackerA.json("/api/v1/flags")), "the open flags");
    }

    /** Each project's event sequence numbers, in the order a consumer reads them from ledger.project-events. */
    private static Map<String, List<Long>> published(String bootstrap, int expected) throws Exception {
        Map<String, List<Long>> sequences = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "replicas-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("ledger.project-events"));
            int read = 0;
            long quietUntil = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline && (read < expected || System.nanoTime() < quietUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(Http.JSON.readTree(record.value()).get("sequence").asLong());
                    read++;
                }
                if (read >= expected && quietUntil == 0) {
                    quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3); // a duplicate would come right behind
                }
            }
        }
        return sequences;
    }
}

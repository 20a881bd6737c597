package org.districtledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The tracker's state can be rebuilt: a second tracker that replays the topics from offset 0 into an empty
 * database ends with the same read model, assignments and flags as the one that followed them live.
 */
class ReplayIT {

    private static final String AS_OF = "2023-05-15";

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
    void replayingTheTopicsIntoAnEmptyDatabaseGivesTheSameState() throws Exception {
        running = new RunningServices(data, "registry", "tracker", "tracker_replay");
        Http registry = running.start("project-registry", "registry", Map.of());
        Http live = running.start("progress-tracker", "tracker", Map.of());
        live.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + AS_OF + "\"}", 200);

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String pool = switch (i % 4) {
                case 0 -> "PREPARING";
                case 1 -> "BUILDING";
                case 2 -> "RESERVE";
                default -> "PLANNING";
            };
            String annual = i % 3 == 0 ? "15000.00" : "3000.00";
            String body = "{\"name\": \"回放测试项目" + i + "\", \"pool\": \"" + pool + "\", \"planYear\": 2023, \"town\": \"杨村街道\","
                    + " \"industryChain\": \"高端装备\", \"totalInvestment\": 60000.00, \"annualPlanInvestment\": " + annual
                    + (pool.equals("PREPARING") ? ", \"plannedStart\": \"2023-0" + (3 + i % 3) + "-10\"" : "")
                    + (pool.equals("BUILDING") ? ", \"actualStart\": \"2022-11-01\"" : "")
                    + ", \"poolSince\": \"2022-1" + (i % 3) + "-01\"}";
            codes.add(registry.send("POST", "/api/v1/projects", body, 201).get("code").asText());
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (i % 4 == 1) {
                registry.send("PUT", "/api/v1/projects/" + code + "/progress/2023-W10",
                        "{\"investmentCompleted\": " + (200 * i) + ".00, \"imageProgressPercent\": 20, \"siteStatus\": \"STARTED\"}", 201);
            }
            if (i % 4 == 0) {
                registry.send("PUT", "/api/v1/projects/" + code + "/procedures/CONSTRUCTION_PERMIT",
                        "{\"status\": \"IN_PROGRESS\", \"targetDate\": \"2023-04-01\"}", 200);
            }
            if (i == 4) {
                registry.send("POST", "/api/v1/projects/" + code + "/milestones", "{\"type\": \"STARTED\", \"date\": \"2023-05-02\"}", 201);
            }
            if (i % 4 == 3) {
                registry.send("POST", "/api/v1/projects/" + code + "/conversions", "{\"to\": \"RESERVE\", \"date\": \"2023-04-20\"}", 201);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> live.json("/api/v1/projects?size=500").get("total").asInt() == codes.size());
        for (int i = 0; i < codes.size(); i += 3) {
            live.send("PUT", "/api/v1/assignments/" + codes.get(i), "{\"leader\": {\"name\": \"领导" + i + "\", \"title\": \"副区长\"},"
                    + " \"taskForce\": {\"name\": \"专班" + i + "\", \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"成员" + i + "\"}]}}", 200);
        }
        live.send("PUT", "/api/v1/assignments/" + codes.get(0), "{\"leader\": {\"name\": \"新领导\"},"
                + " \"taskForce\": {\"name\": \"专班0\", \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"成员0\"}]}}", 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> sameSequences(registry, live, codes));

        Http replay = running.start("progress-tracker", "tracker_replay", Map.of(
                "MP_MESSAGING_INCOMING_PROJECT_EVENTS_GROUP_ID", "progress-tracker-replay",
                "MP_MESSAGING_INCOMING_ASSIGNMENT_REPLAY_GROUP_ID", "progress-tracker-replay-assignments"));
        await().atMost(Duration.ofSeconds(90)).until(() -> sameSequences(registry, replay, codes)
                && replay.json("/api/v1/assignments").size() == live.json("/api/v1/assignments").size());
        replay.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + AS_OF + "\"}", 200);

        assertEquals(live.json("/api/v1/projects?size=500"), replay.json("/api/v1/projects?size=500"), "the read model");
        assertEquals(withoutAuditTimes(live.json("/api/v1/assignments")), withoutAuditTimes(replay.json("/api/v1/assignments")), "the assignments");
        JsonNode liveFlags = RunningServices.comparableFlags(live.json("/api/v1/flags"));
        assertFalse(liveFlags.isEmpty(), "the live tracker raised flags");
        assertEquals(liveFlags, RunningServices.comparableFlags(replay.json("/api/v1/flags")), "the open flags");
    }

    private static boolean sameSequences(Http registry, Http tracker, List<String> codes) throws Exception {
        for (String code : codes) {
            var response = tracker.get("/api/v1/projects/" + code);
            if (response.statusCode() != 200) {
                return false;
            }
            long tracked = Http.JSON.readTree(response.body()).get("lastSequence").asLong();
            if (tracked != registry.json("/api/v1/projects/" + code).get("sequence").asLong()) {
                return false;
            }
        }
        return true;
    }

    /** Assignments as data: the moment a replay wrote them is its own. */
    private static JsonNode withoutAuditTimes(JsonNode assignments) {
        ArrayNode copy = assignments.deepCopy();
        copy.forEach(a -> ((ObjectNode) a).remove("changedAt"));
        return copy;
    }

}

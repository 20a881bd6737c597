package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.districtledger.localstack.DemoKeys;
import org.districtledger.localstack.FreePorts;
import org.districtledger.localstack.KafkaIdentities;
import org.districtledger.localstack.LocalInfrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Real servers and packaged services, started as separate processes for a test, and stopped after it. */
final class RunningServices implements AutoCloseable {

    final LocalInfrastructure servers;
    private final Path data;
    private final List<ChildProcess> services = new ArrayList<>();

    RunningServices(Path data, String... databases) {
        this.data = data;
        servers = LocalInfrastructure.start(new LocalInfrastructure.Settings(data.resolve("servers"), 0, 0, 0));
        for (String database : databases) {
            servers.postgres().ensureServiceDatabase(database);
        }
    }

    /** Starts a service on its own port with the database given, and waits until it is ready. */
    Http start(String module, String database, Map<String, String> extra) throws Exception {
        return launch(module, database, extra, false).awaitReady();
    }

    /** A service started for a test: its process, to kill, and its address. */
    record Service(ChildProcess process, Http http) {}

    /** Starts a service as {@link #start} does, and answers its process as well. */
    Service startService(String module, String database, Map<String, String> extra) throws Exception {
        Starting starting = launch(module, database, extra, false);
        return new Service(starting.process(), starting.awaitReady());
    }

    /** Starts a service as {@link #start} does, but with the run command's JVM options (fully compiled): for a benchmark. */
    Http startFullyCompiled(String module, String database, Map<String, String> extra) throws Exception {
        return launch(module, database, extra, true).awaitReady();
    }

    /** Starts a service as {@link #startFullyCompiled} does, and answers its process as well. */
    Service startFullyCompiledService(String module, String database, Map<String, String> extra) throws Exception {
        Starting starting = launch(module, database, extra, true);
        return new Service(starting.process(), starting.awaitReady());
    }

    /** Starts {@code count} replicas of a service on one database side by side, and waits until all are ready. */
    List<Http> startReplicas(String module, String database, int count) throws Exception {
        List<Starting> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starting.add(launch(module, database, Map.of(), false));
        }
        List<Http> ready = new ArrayList<>();
        for (Starting replica : starting) {
            ready.add(replica.awaitReady());
        }
        return ready;
    }

    /** A service process on its way up. */
    private record Starting(String module, ChildProcess process, Http http) {

        Http awaitReady() {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.process.isAlive()) {
                            throw new AssertionError(module + " exited:\n" + process.log());
                        }
                        try {
                            return http.get("/q/health/ready").statusCode() == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
            return http;
        }
    }

    private Starting launch(String module, String database, Map<String, String> extra, boolean fullyCompiled)
            throws IOException {
        int port = FreePorts.pick();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.putAll(servers.postgres().serviceEnvironment(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers());
        env.putAll(servers.kafka()
                .identities()
                .serviceEnvironment(
                        module.equals("project-registry")
                                ? KafkaIdentities.REGISTRY.name()
                                : KafkaIdentities.TRACKER.name()));
        env.put("LEDGER_REACHABILITY_INTERVAL", "1s");
        env.putAll(DemoKeys.in(data.resolve("identity")).serviceEnvironment());
        env.putAll(extra); // a test's own settings stand above these
        ChildProcess service =
                ChildProcess.service(data.resolve(module + "-" + port + ".log"), env, module, fullyCompiled);
        services.add(service);
        return new Starting(module, service, new Http(port));
    }

    /** The last lines of the log of the service started last, to say why it did not do what a test waited for. */
    String tailOfLastStarted(int lines) {
        List<String> log = services.get(services.size() - 1).log().lines().toList();
        return String.join("\n", log.subList(Math.max(0, log.size() - lines), log.size()));
    }

    /** Each project's latest event sequence number, as a service lists it. */
    static Map<String, Long> sequences(Http service, String field) throws Exception {
        Map<String, Long> sequences = new HashMap<>();
        for (JsonNode project : service.json("/api/v1/projects?size=500").get("items")) {
            sequences.put(project.get("code").asText(), project.get(field).asLong());
        }
        return sequences;
    }

    /** Open flags as a leader reads them: project, rule, subject, colour, reason and who answers for it. */
    static JsonNode comparableFlags(JsonNode flags) {
        ArrayNode rows = Http.JSON.createArrayNode();
        List<JsonNode> sorted = new ArrayList<>();
        flags.forEach(sorted::add);
        sorted.sort((a, b) -> (a.get("projectCode").asText()
                        + a.get("rule").asText()
                        + a.get("subject").asText())
                .compareTo(b.get("projectCode").asText()
                        + b.get("rule").asText()
                        + b.get("subject").asText()));
        for (JsonNode flag : sorted) {
            ObjectNode row = rows.addObject();
            for (String field : new String[] {
                "projectCode", "rule", "ruleVersion", "subject", "colour", "reason", "state", "leader", "taskForce"
            }) {
                row.set(field, flag.get(field));
            }
        }
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        for (ChildProcess service : services) {
            service.process.destroy();
        }
        for (ChildProcess service : services) {
            service.process.waitFor();
        }
        servers.close();
    }
}

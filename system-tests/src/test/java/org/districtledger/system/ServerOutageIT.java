package org.districtledger.system;

import org.districtledger.localstack.DemoKeys;
import org.districtledger.localstack.FreePorts;
import org.districtledger.localstack.KafkaIdentities;
import org.districtledger.localstack.LocalInfrastructure;
import org.districtledger.localstack.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service started while PostgreSQL and Kafka are unreachable says so in one line each, is not ready, and
 * becomes ready by itself once they come up; no stack trace fills its log meanwhile.
 */
class ServerOutageIT {

    @TempDir
    Path data;

    private final List<ChildProcess> services = new ArrayList<>();
    private LocalInfrastructure servers;

    @AfterEach
    void stop() throws InterruptedException {
        for (ChildProcess service : services) {
            service.process.destroy();
            service.process.waitFor();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void bothServicesWaitForTheirServersAndRecoverByThemselves() throws Exception {
        int postgresPort = FreePorts.pick();
        int kafkaPort = FreePorts.pick();
        Map<String, URI> ready = new LinkedHashMap<>();
        Map<String, ChildProcess> started = new LinkedHashMap<>();
        for (String module : List.of("project-registry", "progress-tracker")) {
            String database = module.equals("project-registry") ? "registry" : "tracker";
            int httpPort = FreePorts.pick();
            Map<String, String> env =
                    new HashMap<>(DemoKeys.in(data.resolve("identity")).serviceEnvironment());
            // the credentials the servers will check once they are up (kept in their data folder)
            env.putAll(KafkaIdentities.in(data.resolve("servers"))
                    .serviceEnvironment(
                            database.equals("registry")
                                    ? KafkaIdentities.REGISTRY.name()
                                    : KafkaIdentities.TRACKER.name()));
            env.putAll(PostgresServer.serviceEnvironment(jdbcUrl(postgresPort, database), database));
            env.putAll(Map.of(
                    "QUARKUS_HTTP_PORT",
                    String.valueOf(httpPort),
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "127.0.0.1:" + kafkaPort,
                    "LEDGER_REACHABILITY_INTERVAL",
                    "1s",
                    "LEDGER_REACHABILITY_RETRY",
                    "1s"));
            ChildProcess service = ChildProcess.service(data.resolve(module + ".log"), env, module, false);
            services.add(service);
            started.put(database, service);
            ready.put(database, URI.create("http://localhost:" + httpPort + "/q/health/ready"));
        }

        for (var each : started.entrySet()) {
            ChildProcess service = each.getValue();
            service.awaitLog(
                    "PostgreSQL unreachable at " + jdbcUrl(postgresPort, each.getKey()), Duration.ofSeconds(60));
            service.awaitLog("Kafka unreachable at 127.0.0.1:" + kafkaPort, Duration.ofSeconds(60));
            URI readiness = ready.get(each.getKey());
            await().atMost(Duration.ofSeconds(30)).until(() -> answers(readiness));
            HttpResponse<String> down = LocalRunIT.get(readiness);
            assertEquals(503, down.statusCode(), each.getKey());
            assertTrue(down.body().contains("\"DOWN\""), down.body());
        }
        Thread.sleep(3000); // a few retry rounds (one a second) while the servers are away

        servers = LocalInfrastructure.start(
                new LocalInfrastructure.Settings(data.resolve("servers"), postgresPort, kafkaPort, 0));
        for (String database : started.keySet()) {
            servers.postgres().ensureServiceDatabase(database);
        }
        for (var each : started.entrySet()) {
            URI readiness = ready.get(each.getKey());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> LocalRunIT.get(readiness).statusCode() == 200);
            String log = each.getValue().log();
            assertEquals(1, occurrences(log, "PostgreSQL unreachable at"), "one line for the database outage:\n" + log);
            assertEquals(1, occurrences(log, "Kafka unreachable at"), "one line for the Kafka outage:\n" + log);
            long stackLines =
                    log.lines().filter(line -> line.startsWith("\tat ")).count();
            assertEquals(0, stackLines, "no stack traces while waiting:\n" + log);
        }
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static boolean answers(URI uri) {
        try {
            LocalRunIT.get(uri);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}

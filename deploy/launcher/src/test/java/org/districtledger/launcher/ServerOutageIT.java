package org.districtledger.launcher;

import org.districtledger.localstack.FreePorts;
import org.districtledger.localstack.LocalInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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

    private ChildProcess service;
    private LocalInfrastructure servers;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.process.destroy();
            service.process.waitFor();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theRegistryWaitsForItsServersAndRecoversByItself() throws Exception {
        assertRecovers("project-registry", "registry");
    }

    @Test
    void theTrackerWaitsForItsServersAndRecoversByItself() throws Exception {
        assertRecovers("progress-tracker", "tracker");
    }

    private void assertRecovers(String module, String database) throws Exception {
        int postgresPort = FreePorts.pick();
        int kafkaPort = FreePorts.pick();
        int httpPort = FreePorts.pick();
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
        Map<String, String> env = new java.util.HashMap<>(org.districtledger.localstack.DemoKeys.in(data.resolve("identity")).serviceEnvironment());
        env.putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(httpPort),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort,
                "LEDGER_REACHABILITY_INTERVAL", "1s",
                "LEDGER_REACHABILITY_RETRY", "1s"));
        service = ChildProcess.java(data.resolve(module + ".log"), env,
                "-jar", ChildProcess.home().resolve(module + "/target/quarkus-app/quarkus-run.jar").toString());

        service.awaitLog("PostgreSQL unreachable at " + jdbcUrl, Duration.ofSeconds(60));
        service.awaitLog("Kafka unreachable at 127.0.0.1:" + kafkaPort, Duration.ofSeconds(60));
        URI ready = URI.create("http://localhost:" + httpPort + "/q/health/ready");
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(ready));
        HttpResponse<String> down = LocalRunIT.get(ready);
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"DOWN\""), down.body());
        Thread.sleep(5000); // a few retry rounds while the servers are away

        servers = LocalInfrastructure.start(new LocalInfrastructure.Settings(data.resolve("servers"), postgresPort, kafkaPort, 0));
        servers.postgres().ensureDatabase(database, database, database);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> LocalRunIT.get(ready).statusCode() == 200);

        String log = service.log();
        assertEquals(1, occurrences(log, "PostgreSQL unreachable at"), "one line for the database outage:\n" + log);
        assertEquals(1, occurrences(log, "Kafka unreachable at"), "one line for the Kafka outage:\n" + log);
        long stackLines = log.lines().filter(line -> line.startsWith("\tat ")).count();
        assertEquals(0, stackLines, "no stack traces while waiting:\n" + log);
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

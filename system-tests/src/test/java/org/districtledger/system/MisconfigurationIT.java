package org.districtledger.system;

import org.districtledger.localstack.DemoKeys;
import org.districtledger.localstack.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration that makes no sense stops the tracker at start, naming the key that is wrong. Each test starts a
 * tracker that must refuse to start; they run side by side (and the class after the others).
 */
class MisconfigurationIT {

    @TempDir
    Path data;

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void redBeforeYellowStopsTheTrackerNamingTheKey() throws Exception {
        String log = startWith(Map.of("LEDGER_FLAGS_STALLED_START_RED_DAYS", "10"));
        assertTrue(
                log.contains(
                        "ledger.flags.stalled-start.red-days (10) must be greater than ledger.flags.stalled-start.yellow-days (14)"),
                log);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aNegativeThresholdStopsTheTrackerNamingTheKey() throws Exception {
        String log = startWith(Map.of("LEDGER_FLAGS_SILENT_YELLOW_WEEKS", "-1"));
        assertTrue(log.contains("ledger.flags.silent.yellow-weeks"), log);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theDemoIdentityRefusesTheProductionProfile() throws Exception {
        Map<String, String> env =
                new HashMap<>(DemoKeys.in(data.resolve("identity")).serviceEnvironment());
        env.put("QUARKUS_PROFILE", "prod");
        env.put("LEDGER_IDENTITY_DEMO_ENABLED", "true");
        env.put("QUARKUS_OIDC_APPLICATION_TYPE", "service");
        // the page's sign-in tenant would refuse first, for want of a provider: leave it out to reach the demo check
        env.put("QUARKUS_OIDC_WEB_TENANT_ENABLED", "false");
        String log = startWith(env);
        assertTrue(log.contains("ledger.identity.demo.enabled=true is refused in the production profile"), log);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void productionWithoutAnIdentityProviderRefusesToStart() throws Exception {
        String log = start(new HashMap<>(Map.of("QUARKUS_PROFILE", "prod")));
        assertTrue(log.contains("auth-server-url' property must be configured"), log);
    }

    private String startWith(Map<String, String> wrong) throws Exception {
        Map<String, String> env =
                new HashMap<>(DemoKeys.in(data.resolve("identity")).serviceEnvironment());
        env.putAll(wrong);
        return start(env);
    }

    private String start(Map<String, String> env) throws Exception {
        env.put("QUARKUS_HTTP_PORT", String.valueOf(FreePorts.pick()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + FreePorts.pick() + "/tracker");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + FreePorts.pick());
        ChildProcess tracker = ChildProcess.service(
                data.resolve("tracker-" + System.nanoTime() + ".log"), env, "progress-tracker", false);
        boolean stopped = tracker.process.waitFor(90, TimeUnit.SECONDS);
        if (!stopped) {
            tracker.process.destroyForcibly();
        }
        assertTrue(stopped, "the tracker refuses to start:\n" + tracker.log());
        assertNotEquals(0, tracker.process.exitValue());
        return tracker.log();
    }
}

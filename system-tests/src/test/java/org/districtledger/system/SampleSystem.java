package org.districtledger.system;

import org.districtledger.localstack.FreePorts;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system as {@code deploy/run} starts it on a first start: PostgreSQL, Kafka, both services, and the 2023 sample
 * ledger simulated to 2023-W26. Starting it takes a minute and a half, so the system tests share one: the first test
 * that asks for it (a parameter of this type, with {@link Shared}) starts it, and it is stopped when all have run.
 */
final class SampleSystem implements ExtensionContext.Store.CloseableResource {

    /** Resolves a {@link SampleSystem} parameter to the one shared by every test of the run. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SampleSystem.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(SampleSystem.class))
                    .getOrComputeIfAbsent(SampleSystem.class, type -> start(), SampleSystem.class);
        }
    }

    final Path data;
    final Map<String, String> env;
    final int registryPort;
    final int trackerPort;
    final int kafkaPort;
    /** Seconds from the servers being up to both services being ready, on the first start. */
    final long firstStartSeconds;

    /** Where both services export their traces (LEDGER_OTLP_ENDPOINT). */
    final OtlpStandIn collector;

    private ChildProcess launcher;

    private SampleSystem(
            Path data, Map<String, String> env, ChildProcess launcher, long firstStartSeconds, OtlpStandIn collector) {
        this.data = data;
        this.collector = collector;
        this.env = env;
        this.registryPort = Integer.parseInt(env.get("LEDGER_REGISTRY_PORT"));
        this.trackerPort = Integer.parseInt(env.get("LEDGER_TRACKER_PORT"));
        this.kafkaPort = Integer.parseInt(env.get("LEDGER_KAFKA_PORT"));
        this.launcher = launcher;
        this.firstStartSeconds = firstStartSeconds;
    }

    private static SampleSystem start() {
        try {
            Path data = Files.createTempDirectory("ledger-sample-system");
            OtlpStandIn collector = new OtlpStandIn();
            Map<String, String> env = Map.of(
                    "LEDGER_OTLP_ENDPOINT", collector.endpoint(),
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                    "LEDGER_HOME", ChildProcess.home().toString(),
                    "LEDGER_DATA_DIR", data.toString(),
                    "LEDGER_POSTGRES_PORT", String.valueOf(FreePorts.pick()),
                    "LEDGER_KAFKA_PORT", String.valueOf(FreePorts.pick()),
                    "LEDGER_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.pick()),
                    "LEDGER_REGISTRY_PORT", String.valueOf(FreePorts.pick()),
                    "LEDGER_TRACKER_PORT", String.valueOf(FreePorts.pick()));
            ChildProcess launcher = ChildProcess.launcher(data.resolve("first-run.out"), env);
            launcher.awaitLog("PostgreSQL and Kafka are up", Duration.ofMinutes(3));
            long serversUp = System.nanoTime();
            launcher.awaitLog("is up (", Duration.ofSeconds(90));
            long firstStart = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - serversUp);
            launcher.awaitLog("Press Ctrl-C to stop.", Duration.ofMinutes(10));
            return new SampleSystem(data, env, launcher, firstStart, collector);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the sample system", e);
        }
    }

    ChildProcess launcher() {
        return launcher;
    }

    Http registry() {
        return new Http(registryPort);
    }

    Http tracker() {
        return new Http(trackerPort);
    }

    /** Starts the run command again on the same data, after a test stopped it (as a user starts it the next day). */
    ChildProcess startAgain(String output) throws IOException {
        launcher = ChildProcess.launcher(data.resolve(output), env);
        return launcher;
    }

    @Override
    public void close() throws Exception {
        collector.close();
        if (launcher.process.isAlive()) {
            launcher.interrupt();
            if (!launcher.process.waitFor(60, TimeUnit.SECONDS)) {
                launcher.process.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.process.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}

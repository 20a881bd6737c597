package org.districtledger.launcher;

import org.districtledger.contract.IsoWeek;
import org.districtledger.localstack.DemoKeys;
import org.districtledger.localstack.FreePorts;
import org.districtledger.localstack.KafkaIdentities;
import org.districtledger.localstack.LocalInfrastructure;
import org.districtledger.localstack.PostgresServer;
import org.districtledger.sample.LedgerImportCli;
import org.districtledger.sample.RegistryClient;
import org.districtledger.sample.SampleAssignments;
import org.districtledger.sample.Simulate;
import org.districtledger.sample.TrackerClock;
import org.districtledger.sample.YearSimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The run command: PostgreSQL and Kafka with their data in a folder of the working tree, then both services,
 * each in its own JVM. Prints the URLs when both are ready; Ctrl-C (or SIGTERM) stops everything it started.
 *
 * <p>Every setting comes from an environment variable; see {@link Settings}.
 */
public final class LocalRun {

    private static final PrintStream OUT = System.out;

    /**
     * How the run command starts each service's JVM (the benchmark starts them so too): the whole tiered compiler (C2
     * too: stopping at C1 starts ~10% sooner and then caps throughput for the process's life), the serial collector on
     * a heap that starts small and grows to 512 MB as the work asks (the JVM would start it at 1/64 of the machine's
     * memory), a small code cache: two services share a laptop's cores and memory with PostgreSQL and Kafka.
     */
    public static final List<String> SERVICE_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m");

    private final Settings settings;
    private final List<Service> services = new ArrayList<>();
    private LocalInfrastructure infrastructure;
    private volatile boolean stopping;

    private LocalRun(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment(System.getenv());
        LocalRun run = new LocalRun(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-run-stop"));
        try {
            run.start();
        } catch (RuntimeException e) {
            System.err.println("Could not start: " + e.getMessage());
            System.exit(1);
        }
        run.awaitServices();
    }

    private void start() {
        long started = System.nanoTime();
        List<String> leftBehind = LeftBehind.stop(settings.dataDirectory());
        if (!leftBehind.isEmpty()) {
            OUT.printf(
                    "Stopped %d processes a previous run on %s left behind: %s%n",
                    leftBehind.size(), settings.dataDirectory(), leftBehind);
        }
        checkPortsFree();
        OUT.printf(
                "Starting PostgreSQL on %d and Kafka on %d, data in %s%n",
                settings.postgresPort(), settings.kafkaPort(), settings.dataDirectory());
        infrastructure = LocalInfrastructure.start(new LocalInfrastructure.Settings(
                settings.dataDirectory(),
                settings.postgresPort(),
                settings.kafkaPort(),
                settings.kafkaControllerPort()));
        PostgresServer postgres = infrastructure.postgres();
        postgres.ensureServiceDatabase("registry");
        postgres.ensureServiceDatabase("tracker");
        String bootstrap = infrastructure.kafka().bootstrapServers();
        OUT.printf("PostgreSQL and Kafka are up (%d s)%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        if (!settings.servicesToo()) {
            writeDevEnvironment(
                    "project-registry",
                    settings.registryPort(),
                    postgres.jdbcUrl("registry"),
                    "registry",
                    bootstrap,
                    KafkaIdentities.REGISTRY.name());
            writeDevEnvironment(
                    "progress-tracker",
                    settings.trackerPort(),
                    postgres.jdbcUrl("tracker"),
                    "tracker",
                    bootstrap,
                    KafkaIdentities.TRACKER.name());
            OUT.printf(
                    "%nThe services are not started (LEDGER_SERVICES=none). Run each in Quarkus dev mode, with live reload:%n"
                            + "  ./mvnw quarkus:dev -pl project-registry     (http://localhost:%d)%n"
                            + "  ./mvnw quarkus:dev -pl progress-tracker     (http://localhost:%d)%n"
                            + "their .env files (written now, ignored by git) point them at these servers, signed in as themselves.%n"
                            + "Press Ctrl-C to stop.%n",
                    settings.registryPort(), settings.trackerPort());
            OUT.flush();
            return;
        }

        services.add(Service.start(
                "registry",
                settings.home().resolve("project-registry/target/quarkus-app/quarkus-run.jar"),
                settings.registryPort(),
                postgres.jdbcUrl("registry"),
                "registry",
                bootstrap,
                infrastructure.kafka().identities().serviceEnvironment(KafkaIdentities.REGISTRY.name()),
                settings));
        services.add(Service.start(
                "tracker",
                settings.home().resolve("progress-tracker/target/quarkus-app/quarkus-run.jar"),
                settings.trackerPort(),
                postgres.jdbcUrl("tracker"),
                "tracker",
                bootstrap,
                infrastructure.kafka().identities().serviceEnvironment(KafkaIdentities.TRACKER.name()),
                settings));
        for (Service service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        OUT.printf("%n重点投资项目智慧管理平台 is up (%d s):%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        OUT.printf(
                "  project registry  http://localhost:%d   (API /api/v1/projects, Swagger UI /q/swagger-ui)%n",
                settings.registryPort());
        OUT.printf(
                "  progress tracker  http://localhost:%d   (API /api/v1/projects, Swagger UI /q/swagger-ui)%n",
                settings.trackerPort());
        OUT.printf("  weekly page       http://localhost:%d/weekly%n", settings.trackerPort());
        OUT.printf(
                "  sign in           demo users office, officer-wang, officer-li, leader-liu, viewer, statistics (password: demo);%n"
                        + "                    API tokens from POST /auth/token {\"username\": …, \"password\": …}%n");
        OUT.printf(
                "  Kafka             %s (SASL/SCRAM-SHA-512; other systems sign in as district-reader, password in %s)%n",
                bootstrap, settings.dataDirectory().resolve("kafka-credentials.properties"));
        OUT.printf(
                "  PostgreSQL        %s (databases registry, tracker; the services run as registry_app, tracker_app)%n",
                postgres.jdbcUrl(""));
        OUT.printf("  logs              %s%n", settings.dataDirectory().resolve("logs"));
        loadSample(started);
        OUT.printf("Press Ctrl-C to stop.%n");
        OUT.flush();
    }

    /**
     * On a first start (an empty ledger), imports the 2023 sample ledger and simulates the year up to
     * {@code LEDGER_SIMULATE_UNTIL} (default 2023-W26), moving the tracker's clock to the end of each week simulated.
     * {@code LEDGER_SAMPLE=none} starts empty.
     */
    private void loadSample(long started) {
        if (settings.sample().equals("none")) {
            return;
        }
        URI registry = URI.create("http://localhost:" + settings.registryPort());
        RegistryClient client = RegistryClient.asOffice(registry);
        if (client.get("/api/v1/projects?size=1").get("total").asLong() > 0) {
            return;
        }
        try {
            URI tracker = URI.create("http://localhost:" + settings.trackerPort());
            RegistryClient trackerClient = RegistryClient.asOffice(tracker);
            TrackerClock clock = new TrackerClock(registry, tracker);
            // the tracker works as of the eve of 2023 while the ledger is imported, then week by week behind the
            // simulation
            clock.moveTo(YearSimulator.monday(1).minusDays(1));
            OUT.println("Importing the 2023 sample ledger of Wuqing District (432 projects)…");
            LedgerImportCli.importSample(registry);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (trackerClient.get("/api/v1/projects?size=1").get("total").asLong() < 432
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            OUT.printf(
                    "Assigned a leader and a task force to %d major projects (包联)%n",
                    SampleAssignments.assign(tracker));
            int until = Simulate.weekOf(settings.simulateUntil());
            OUT.printf(
                    "Simulating the weeks of 2023 up to %s: weekly reports, permits, starts, conversions, problems…%n",
                    settings.simulateUntil());
            // each week: the clock on its Monday while the task forces report (what they send is recorded in that
            // week),
            // then on its Sunday, when the weekly view of that week is what the Monday meeting sees
            YearSimulator.Summary summary = new YearSimulator(registry, YearSimulator.SEED)
                    .simulate(until, week -> clock.moveTo(YearSimulator.monday(week)), week -> {
                        clock.moveTo(YearSimulator.monday(week).plusDays(6));
                        if (week % 5 == 0) {
                            OUT.printf("  2023-W%02d%n", week);
                        }
                    });
            LocalDate asOf = YearSimulator.monday(until).plusDays(6);
            if (Simulate.rollsOver(settings.simulateUntil())) {
                OUT.println(Simulate.rollOver(registry, tracker, settings.simulateUntil(), YearSimulator.SEED));
                asOf = IsoWeek.parse(settings.simulateUntil(), "LEDGER_SIMULATE_UNTIL")
                        .sunday();
            }
            OUT.printf(
                    "Sample ledger ready (%d s): %d projects, simulated to %s with %d requests; the tracker works as of %s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                    summary.projects(),
                    settings.simulateUntil(),
                    summary.requests(),
                    asOf);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("The sample ledger cannot be read", e);
        }
    }

    private void awaitServices() {
        while (!stopping) {
            for (Service service : List.copyOf(services)) {
                if (!service.process.isAlive() && !stopping) {
                    System.err.printf(
                            "The %s stopped (exit %d); see %s. Stopping everything.%n",
                            service.name, service.process.exitValue(), service.logFile);
                    System.exit(2);
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the services first, then Kafka, then PostgreSQL, each cleanly. */
    private synchronized void stop() {
        stopping = true;
        if (services.isEmpty() && infrastructure == null) {
            return;
        }
        OUT.println("Stopping…");
        services.forEach(s -> s.process.destroy());
        for (Service service : services) {
            try {
                if (!service.process.waitFor(30, TimeUnit.SECONDS)) {
                    service.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                service.process.destroyForcibly();
            }
        }
        services.clear();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
        OUT.println("Stopped.");
        OUT.flush();
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("LEDGER_POSTGRES_PORT", settings.postgresPort());
        ports.put("LEDGER_KAFKA_PORT", settings.kafkaPort());
        ports.put("LEDGER_KAFKA_CONTROLLER_PORT", settings.kafkaControllerPort());
        ports.put("LEDGER_REGISTRY_PORT", settings.registryPort());
        ports.put("LEDGER_TRACKER_PORT", settings.trackerPort());
        ports.forEach((variable, port) -> {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException(
                        "port " + port + " is taken; free it or set " + variable + " to another port");
            }
        });
    }

    /**
     * The run command's settings, each from an environment variable.
     *
     * @param home the repository's root ({@code LEDGER_HOME}, default: the working directory)
     * @param dataDirectory {@code LEDGER_DATA_DIR}, default {@code .local-data} under home
     * @param sample {@code LEDGER_SAMPLE}: {@code wuqing-2023} (default) loads the sample ledger on a first start, {@code none} starts empty
     * @param simulateUntil {@code LEDGER_SIMULATE_UNTIL}: the week of 2023 the first start simulates to (default 2023-W26)
     */
    record Settings(
            Path home,
            Path dataDirectory,
            int postgresPort,
            int kafkaPort,
            int kafkaControllerPort,
            int registryPort,
            int trackerPort,
            String sample,
            String simulateUntil,
            boolean servicesToo) {

        static Settings fromEnvironment(Map<String, String> env) {
            Path home = Paths.get(env.getOrDefault("LEDGER_HOME", "."))
                    .toAbsolutePath()
                    .normalize();
            Path data = Paths.get(env.getOrDefault(
                            "LEDGER_DATA_DIR", home.resolve(".local-data").toString()))
                    .toAbsolutePath()
                    .normalize();
            return new Settings(
                    home,
                    data,
                    port(env, "LEDGER_POSTGRES_PORT", 5433),
                    port(env, "LEDGER_KAFKA_PORT", 9092),
                    port(env, "LEDGER_KAFKA_CONTROLLER_PORT", 9093),
                    port(env, "LEDGER_REGISTRY_PORT", 8081),
                    port(env, "LEDGER_TRACKER_PORT", 8082),
                    env.getOrDefault("LEDGER_SAMPLE", "wuqing-2023"),
                    env.getOrDefault("LEDGER_SIMULATE_UNTIL", "2023-W26"),
                    !"none".equals(env.getOrDefault("LEDGER_SERVICES", "all")));
        }

        private static int port(Map<String, String> env, String variable, int defaultPort) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        variable + " must be a port number from 1 to 65535, not '" + value + "'");
            }
        }
    }

    /** What a service is given to run on this machine's servers (the same for a jar and for dev mode). */
    static Map<String, String> environment(
            int port,
            String jdbcUrl,
            String database,
            String bootstrap,
            Map<String, String> kafkaSignIn,
            Settings settings) {
        Map<String, String> env = new TreeMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.putAll(PostgresServer.serviceEnvironment(jdbcUrl, database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        // signs in to Kafka as the service's own identity (SASL/SCRAM; the broker's ACLs say what it may do)
        env.putAll(kafkaSignIn);
        // the demo identity: keys made at first start, kept in the data folder
        env.putAll(DemoKeys.in(settings.dataDirectory().resolve("identity")).serviceEnvironment());
        return env;
    }

    /**
     * The service's {@code .env} for {@code ./mvnw quarkus:dev} (Quarkus reads it from the module's folder): the
     * environment the run command would give it, in the dev profile instead of the local one (the same settings).
     */
    private void writeDevEnvironment(
            String module, int port, String jdbcUrl, String database, String bootstrap, String identity) {
        Map<String, String> env = environment(
                port,
                jdbcUrl,
                database,
                bootstrap,
                infrastructure.kafka().identities().serviceEnvironment(identity),
                settings);
        env.remove("QUARKUS_PROFILE");
        Properties file = new Properties();
        file.putAll(env);
        Path target = settings.home().resolve(module).resolve(".env");
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            file.store(out, "Written by deploy/run with LEDGER_SERVICES=none for ./mvnw quarkus:dev; not in git");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** One service in its own JVM; its output goes to a log file, and its warnings and errors to the console too. */
    private static final class Service {
        final String name;
        final Process process;
        final Path logFile;
        final int port;

        private Service(String name, Process process, Path logFile, int port) {
            this.name = name;
            this.process = process;
            this.logFile = logFile;
            this.port = port;
        }

        /** Starts a service; {@code kafkaSignIn} is the environment that signs it in to Kafka as its own identity. */
        static Service start(
                String name,
                Path jar,
                int port,
                String jdbcUrl,
                String database,
                String bootstrap,
                Map<String, String> kafkaSignIn,
                Settings settings) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
            }
            Path logFile = settings.dataDirectory().resolve("logs").resolve(name + ".log");
            try {
                Files.createDirectories(logFile.getParent());
                List<String> command = new ArrayList<>();
                command.add(Paths.get(System.getProperty("java.home"), "bin", "java")
                        .toString());
                command.addAll(SERVICE_JVM_OPTIONS);
                Map<String, String> serviceEnvironment =
                        environment(port, jdbcUrl, database, bootstrap, kafkaSignIn, settings);
                command.addAll(ClassArchive.jvmOptions(
                        jar, settings.dataDirectory().resolve("class-archives"), serviceEnvironment));
                // marks it as this data folder's, so that a later run finds it if this one is killed
                command.add("-Dledger.run.data=" + LeftBehind.mark(settings.dataDirectory()));
                command.add("-jar");
                command.add(jar.toString());
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().putAll(serviceEnvironment);
                Process process = builder.start();
                Service service = new Service(name, process, logFile, port);
                Thread pump = new Thread(() -> service.pump(), name + "-output");
                pump.setDaemon(true);
                pump.start();
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the " + name + ": " + e.getMessage(), e);
            }
        }

        private void pump() {
            try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var log = Files.newBufferedWriter(
                            logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.write(line);
                    log.newLine();
                    log.flush();
                    if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                        OUT.println("[" + name + "] " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }

        void awaitReady(Duration timeout) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the " + name + " exited with code " + process.exitValue() + "; see " + logFile);
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the " + name);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the " + name);
                }
            }
            throw new IllegalStateException(
                    "the " + name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
        }
    }
}

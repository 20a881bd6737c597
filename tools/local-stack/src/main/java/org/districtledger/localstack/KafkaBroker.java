package org.districtledger.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Apache Kafka broker in KRaft mode (broker and controller in one node), run in a child JVM from the
 * Kafka jars that the Quarkus BOM pins. The child stops when this JVM goes away, however it goes.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path logFile;
    /** The identities the broker checks, or null for a broker that lets anyone in (a service's own tests). */
    private final KafkaIdentities identities;
    /** The broker's internal listener (the administrator's), when it checks identities. */
    private final int internalPort;

    private KafkaBroker(Process process, int port, Path logFile, KafkaIdentities identities, int internalPort) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.identities = identities;
        this.internalPort = internalPort;
    }

    /**
     * Formats the storage on the first start, starts the broker and waits until it answers.
     *
     * @param dataDirectory the broker's log directory, kept across runs
     * @param port the client port (0 picks a free one)
     * @param controllerPort the KRaft controller port (0 picks a free one)
     * @param logFile where the broker's own output goes
     * @param identities the identities it checks (SASL/SCRAM and ACLs), or null to let anyone in
     */
    public static KafkaBroker start(
            Path dataDirectory, int port, int controllerPort, Path logFile, KafkaIdentities identities) {
        int clientPort = port == 0 ? FreePorts.pick() : port;
        int quorumPort = controllerPort == 0 ? FreePorts.pick() : controllerPort;
        int internalPort = identities == null ? 0 : FreePorts.pick();
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path config = writeServerProperties(dataDirectory, clientPort, quorumPort, internalPort, identities);
            Path logging = writeLoggingConfig(dataDirectory);
            if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
                format(config, logging, logFile);
            }
            Process process = new ProcessBuilder(
                            javaCommand(logging, KafkaBrokerMain.class.getName(), config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaBroker broker = new KafkaBroker(process, clientPort, logFile, identities, internalPort);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stopper"));
            broker.awaitReady();
            if (identities != null) {
                try (Admin admin = broker.admin()) {
                    identities.apply(admin);
                }
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The identities the broker checks, or null when it lets anyone in. */
    public KafkaIdentities identities() {
        return identities;
    }

    /** An administrator's client (a super user's, on the internal listener, when the broker checks identities). */
    public Admin admin() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        if (identities == null) {
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        } else {
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + internalPort);
            config.putAll(identities.adminConfig());
        }
        return Admin.create(config);
    }

    /** A client's settings to sign in as one of the ledger's identities (none when the broker lets anyone in). */
    public Map<String, Object> clientConfig(String identity) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (identities != null) {
            config.putAll(identities.clientConfig(identity));
        }
        return config;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with code " + process.exitValue() + "; see "
                            + logFile + ", which ends:\n" + tail(logFile, 30));
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new IllegalStateException("Kafka broker did not answer within "
                                + STARTUP_TIMEOUT.toSeconds() + " s; see " + logFile);
                    }
                    sleep(250);
                }
            }
        }
    }

    /** The last lines of a log, for a message that must say why without the file (a test's folder is gone after it). */
    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path writeServerProperties(
            Path dataDirectory, int port, int controllerPort, int internalPort, KafkaIdentities identities)
            throws IOException {
        List<String> listeners = identities == null
                ? List.of(
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT")
                : concat(
                        List.of(
                                "listeners=CLIENT://127.0.0.1:" + port + ",BROKER://127.0.0.1:" + internalPort
                                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                                "advertised.listeners=CLIENT://127.0.0.1:" + port + ",BROKER://127.0.0.1:"
                                        + internalPort),
                        identities.brokerSettings());
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                String.join("\n", listeners),
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dataDirectory.toAbsolutePath().resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=-1",
                "");
        Path file = dataDirectory.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path writeLoggingConfig(Path dataDirectory) throws IOException {
        String config = String.join(
                "\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = out",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.org.name = org.apache.kafka",
                "logger.org.level = WARN",
                "");
        Path file = dataDirectory.resolve("log4j2.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static void format(Path config, Path logging, Path logFile) throws IOException {
        List<String> command = javaCommand(
                logging,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toString(),
                "--ignore-formatted");
        Process formatter = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!formatter.waitFor(120, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
    }

    private static List<String> javaCommand(Path logging, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx768m");
        command.add("-XX:+UseG1GC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + logging.toAbsolutePath());
        command.add("-cp");
        command.add(brokerClassPath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** The Kafka jars (written by the build into kafka-broker.classpath) and this module's own classes. */
    static String brokerClassPath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException(
                        "kafka-broker.classpath is missing: build tools/local-stack with Maven first");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + File.pathSeparator + jars;
        }
    }

    private static String ownLocation() {
        try {
            CodeSource source = KafkaBroker.class.getProtectionDomain().getCodeSource();
            if (source != null && "file".equals(source.getLocation().getProtocol())) {
                return Paths.get(source.getLocation().toURI()).toString();
            }
            URL self = KafkaBroker.class.getResource(KafkaBroker.class.getSimpleName() + ".class");
            String url = String.valueOf(self);
            String classFile = KafkaBroker.class.getName().replace('.', '/') + ".class";
            if (url.startsWith("jar:file:")) {
                return Paths.get(new URL(url.substring(4, url.indexOf("!/"))).toURI())
                        .toString();
            }
            if (url.startsWith("file:") && url.endsWith(classFile)) {
                return Paths.get(new URL(url.substring(0, url.length() - classFile.length())).toURI())
                        .toString();
            }
            throw new IllegalStateException("Cannot find the local-stack classes from " + url);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot find the local-stack classes", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}

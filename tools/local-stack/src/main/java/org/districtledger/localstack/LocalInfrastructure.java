package org.districtledger.localstack;

import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * PostgreSQL and Kafka, started together, with the ledger's topics created. Used by the run command (data
 * kept in a folder) and by the tests (throwaway data, free ports).
 */
public final class LocalInfrastructure implements AutoCloseable {

    /**
     * Where and on which ports to start.
     *
     * @param dataDirectory the folder for both servers' data; {@code null} for throwaway data
     * @param postgresPort 0 picks a free port
     * @param kafkaPort 0 picks a free port
     * @param kafkaControllerPort 0 picks a free port
     * @param kafkaIdentities whether Kafka checks identities (SASL/SCRAM and ACLs, {@link KafkaIdentities}) as in
     *     production; a service's own tests do without
     */
    public record Settings(
            Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort, boolean kafkaIdentities) {

        /** The local stack as the run command starts it: Kafka checks identities. */
        public Settings(Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort) {
            this(dataDirectory, postgresPort, kafkaPort, kafkaControllerPort, true);
        }

        /** Throwaway data on free ports, and a Kafka that lets anyone in: a service's own tests. */
        public static Settings throwaway() {
            return new Settings(null, 0, 0, 0, false);
        }
    }

    private volatile PostgresServer postgres;
    private final Path root;
    private final Path temporaryDirectory;
    private volatile KafkaBroker kafka;
    private final int kafkaControllerPort;
    private final KafkaIdentities identities;

    private LocalInfrastructure(
            PostgresServer postgres,
            KafkaBroker kafka,
            int kafkaControllerPort,
            Path root,
            Path temporaryDirectory,
            KafkaIdentities identities) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.identities = identities;
        this.kafkaControllerPort = kafkaControllerPort;
        this.root = root;
        this.temporaryDirectory = temporaryDirectory;
    }

    public static LocalInfrastructure start(Settings settings) {
        Path temporary = null;
        try {
            Path root = settings.dataDirectory();
            if (root == null) {
                temporary = Files.createTempDirectory("ledger-stack-");
                root = temporary;
            }
            PostgresServer postgres = PostgresServer.start(
                    settings.dataDirectory() == null ? null : root.resolve("postgres"), settings.postgresPort());
            KafkaBroker kafka;
            KafkaIdentities identities = settings.kafkaIdentities() ? KafkaIdentities.in(root) : null;
            int controllerPort;
            try {
                // ports picked here may be taken by another process before the broker binds them (two test JVMs
                // starting side by side): then the broker starts again, afresh, on other ports
                int attempts = settings.kafkaPort() == 0 && settings.kafkaControllerPort() == 0 ? 3 : 1;
                for (int attempt = 1; ; attempt++) {
                    controllerPort =
                            settings.kafkaControllerPort() == 0 ? FreePorts.pick() : settings.kafkaControllerPort();
                    try {
                        kafka = startKafka(root, settings.kafkaPort(), controllerPort, identities);
                        break;
                    } catch (IllegalStateException e) {
                        if (attempt == attempts || !portTaken(e)) {
                            throw e;
                        }
                        deleteQuietly(root.resolve("kafka"));
                    }
                }
                try (Admin admin = kafka.admin()) {
                    LedgerTopics.createAll(admin, (short) 1);
                }
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new LocalInfrastructure(postgres, kafka, controllerPort, root, temporary, identities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Stops PostgreSQL, as an outage would; {@link #restartPostgres()} brings it back with its data and port. */
    public void stopPostgres() {
        postgres.close();
    }

    public void restartPostgres() {
        int port = postgres.port();
        postgres = PostgresServer.start(root.resolve("postgres"), port);
    }

    /** Stops the broker, as an outage would; {@link #restartKafka()} brings it back with its data and ports. */
    public void stopKafka() {
        kafka.close();
    }

    public void restartKafka() {
        kafka = startKafka(root, kafka.port(), kafkaControllerPort, identities);
    }

    private static boolean portTaken(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Address already in use") || message.contains("Unable to start acceptor");
    }

    private static KafkaBroker startKafka(Path root, int port, int controllerPort, KafkaIdentities identities) {
        return KafkaBroker.start(
                root.resolve("kafka"),
                port,
                controllerPort,
                root.resolve("logs").resolve("kafka.log"),
                identities);
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
            if (temporaryDirectory != null) {
                deleteQuietly(temporaryDirectory);
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}

package org.districtledger.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.districtledger.localstack.DemoKeys;
import org.districtledger.localstack.LedgerTopics;
import org.districtledger.localstack.LocalInfrastructure;
import org.districtledger.localstack.PostgresServer;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Real PostgreSQL and Kafka for a service's tests, taken in this order: servers named by the environment
 * ({@code LEDGER_TEST_JDBC_URL}, {@code LEDGER_TEST_KAFKA_BOOTSTRAP}); Testcontainers where a Docker engine
 * answers; otherwise the embedded servers of the local stack.
 *
 * <p>Also the demo identity's keys for the run, so that tests sign tokens as the local run does
 * ({@code quarkus.oidc.public-key}, {@code smallrye.jwt.sign.key.location}; see {@link Tokens}).
 *
 * <p>Init arguments: {@code database}, the service's own database, created if it is missing; {@code identity},
 * {@code provider} when the test brings its own identity provider and wants no demo keys.
 */
public class LedgerInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String JDBC_URL_ENV = "LEDGER_TEST_JDBC_URL";
    public static final String JDBC_USERNAME_ENV = "LEDGER_TEST_JDBC_USERNAME";
    public static final String JDBC_PASSWORD_ENV = "LEDGER_TEST_JDBC_PASSWORD";
    public static final String KAFKA_BOOTSTRAP_ENV = "LEDGER_TEST_KAFKA_BOOTSTRAP";

    private static final Logger LOG = Logger.getLogger(LedgerInfrastructureResource.class);

    private Path keys;
    /** The demo identity's keys (the default), or none when a test brings its own identity provider. */
    private boolean demoIdentity = true;

    private String database = "ledger";
    private LocalInfrastructure embedded;
    private PostgreSQLContainer postgresContainer;
    private KafkaContainer kafkaContainer;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        demoIdentity = !"provider".equals(initArgs.get("identity"));
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl = System.getenv(JDBC_URL_ENV);
        String bootstrap = System.getenv(KAFKA_BOOTSTRAP_ENV);
        Map<String, String> config = new HashMap<>();
        if (jdbcUrl != null && bootstrap != null) {
            LOG.infof("Tests use the servers named by %s and %s", JDBC_URL_ENV, KAFKA_BOOTSTRAP_ENV);
            String user = System.getenv().getOrDefault(JDBC_USERNAME_ENV, "postgres");
            String password = System.getenv().getOrDefault(JDBC_PASSWORD_ENV, "postgres");
            config.putAll(datasource(ensureDatabase(jdbcUrl, user, password), user, password));
        } else if (dockerAnswers()) {
            LOG.info("Tests use Testcontainers: a Docker engine answers");
            postgresContainer = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName(database);
            kafkaContainer = new KafkaContainer("apache/kafka:4.1.2");
            postgresContainer.start();
            kafkaContainer.start();
            bootstrap = kafkaContainer.getBootstrapServers();
            config.putAll(datasource(
                    postgresContainer.getJdbcUrl(), postgresContainer.getUsername(), postgresContainer.getPassword()));
        } else {
            LOG.info("Tests use the embedded PostgreSQL and Kafka of tools/local-stack: no Docker engine answers");
            embedded = LocalInfrastructure.start(LocalInfrastructure.Settings.throwaway());
            PostgresServer postgres = embedded.postgres();
            postgres.ensureServiceDatabase(database);
            bootstrap = embedded.kafka().bootstrapServers();
            config.putAll(datasource(postgres.jdbcUrl(database), database, database));
            KafkaOutage.register(embedded::stopKafka, embedded::restartKafka);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            LedgerTopics.createAll(admin, (short) 1);
        }
        config.put("kafka.bootstrap.servers", bootstrap);
        if (!demoIdentity) {
            return config;
        }
        // the demo identity's keys, made for this test run: tokens are signed and verified as in the local run
        try {
            keys = Files.createTempDirectory("ledger-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoKeys demo = DemoKeys.in(keys);
        config.put("quarkus.oidc.public-key", demo.publicKeyBase64());
        config.put(
                "smallrye.jwt.sign.key.location", demo.privateKeyFile().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        KafkaOutage.unregister();
        if (keys != null) {
            try (var files = Files.walk(keys)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
        if (embedded != null) {
            embedded.close();
        }
        if (kafkaContainer != null) {
            kafkaContainer.stop();
        }
        if (postgresContainer != null) {
            postgresContainer.stop();
        }
    }

    /**
     * The service runs as {@code <database>_app} (made here, if missing) and the given role migrates and owns the
     * schema, as in production.
     */
    private Map<String, String> datasource(String url, String owner, String password) {
        String role = PostgresServer.runtimeRole(database);
        try (Connection connection = DriverManager.getConnection(url, owner, password)) {
            PostgresServer.ensureRuntimeRole(connection, connection.getCatalog(), role, role);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the runtime role " + role + " on " + url + ": " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", role,
                "quarkus.datasource.password", role,
                "ledger.migration.username", owner,
                "ledger.migration.password", password);
    }

    /** On a shared server, each service's tests get a database of their own next to the one named. */
    private String ensureDatabase(String jdbcUrl, String user, String password) {
        String base = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        String server = base.substring(0, base.lastIndexOf('/') + 1);
        String testDatabase = database + "_test";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + testDatabase + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + testDatabase);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot prepare database " + testDatabase + " on " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return server + testDatabase;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}

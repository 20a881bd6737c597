package org.districtledger.runtime;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches whether PostgreSQL and Kafka answer. Each change is one log line naming the server; Kafka's state is
 * reported under wellness, not readiness (see {@link ReadinessChecks}). Background work (the outbox relay, scheduled rules) asks here first, so an
 * outage does not fill the log with stack traces.
 */
@ApplicationScoped
public class ServerReachability {

    private static final Logger LOG = Logger.getLogger(ServerReachability.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    AgroalDataSource dataSource;

    /** The kafka.* settings every channel gets, sign-in (SASL) included. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile Boolean kafkaUp;
    private volatile Boolean postgresUp;
    private volatile String kafkaProblem = "not checked yet";
    private Admin admin;
    private volatile boolean stopping;

    public boolean kafkaUp() {
        return Boolean.TRUE.equals(kafkaUp);
    }

    public boolean postgresUp() {
        return Boolean.TRUE.equals(postgresUp);
    }

    @Scheduled(
            every = "${ledger.reachability.interval:5s}",
            delay = 0,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (stopping) {
            return;
        }
        checkPostgres();
        checkKafka();
    }

    /** Why Kafka is unreachable, or "none". */
    public String kafkaProblem() {
        return kafkaUp() ? "none" : kafkaProblem;
    }

    private void checkPostgres() {
        boolean up;
        String problem = null;
        try (Connection connection = dataSource.getConnection()) {
            up = connection.isValid(3);
        } catch (Exception e) {
            up = false;
            problem = Failures.rootMessage(e);
        }
        if (postgresUp == null || postgresUp != up) {
            if (up) {
                if (postgresUp != null) {
                    LOG.infof("PostgreSQL reachable again at %s", jdbcUrl);
                }
            } else {
                LOG.warnf("PostgreSQL unreachable at %s (%s); checking every few seconds", jdbcUrl, problem);
            }
        }
        postgresUp = up;
    }

    private void checkKafka() {
        boolean up;
        try {
            admin().describeCluster().nodes().get(3, TimeUnit.SECONDS);
            up = true;
        } catch (Exception e) {
            up = false;
            kafkaProblem = e instanceof TimeoutException ? "no answer within 3 s" : Failures.rootMessage(e);
        }
        if (kafkaUp == null || kafkaUp != up) {
            if (up) {
                LOG.infof(kafkaUp == null ? "Kafka reachable at %s" : "Kafka reachable again at %s", bootstrapServers);
            } else {
                LOG.warnf(
                        "Kafka unreachable at %s (%s): not ready; reconnecting by itself",
                        bootstrapServers, kafkaProblem);
            }
        }
        kafkaUp = up;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            // signs in as the service does
            kafkaConfig.forEach((key, value) -> {
                if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reachability");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
            admin = Admin.create(config);
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}

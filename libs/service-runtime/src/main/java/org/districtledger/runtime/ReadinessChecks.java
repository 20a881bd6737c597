package org.districtledger.runtime;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is what a service needs to serve: its database, migrated (the datasource check comes with Agroal).
 * Kafka is not: the registry's writes wait in its outbox and the tracker serves what it has applied, so a broker
 * outage takes no replica out of service. Kafka's state is reported under wellness ({@code /q/health/well}).
 */
@ApplicationScoped
public class ReadinessChecks {

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck schema(SchemaMigration migration) {
        return () -> HealthCheckResponse.named("PostgreSQL schema")
                .status(migration.migrated())
                .withData("url", migration.jdbcUrl())
                .withData("version", migration.version())
                .build();
    }

    @Produces
    @Wellness
    @ApplicationScoped
    HealthCheck kafka(ServerReachability reachability) {
        return () -> HealthCheckResponse.named("Kafka")
                .status(reachability.kafkaUp())
                .withData("bootstrap.servers", reachability.bootstrapServers())
                .withData("problem", reachability.kafkaProblem())
                .build();
    }
}

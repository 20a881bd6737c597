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
                // the database's name, not its address: health answers anyone who can reach the service
                .withData("database", databaseName(migration.jdbcUrl()))
                .withData("version", migration.version())
                .build();
    }

    /** The last part of a JDBC URL's path: {@code registry} of {@code jdbc:postgresql://db:5432/registry?ssl=true}. */
    static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.replaceFirst("\\?.*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Produces
    @Wellness
    @ApplicationScoped
    HealthCheck kafka(ServerReachability reachability) {
        return () -> HealthCheckResponse.named("Kafka")
                .status(reachability.kafkaUp())
                .withData("problem", reachability.kafkaProblem())
                .build();
    }
}

package org.districtledger.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the schema is migrated and Kafka answers. (The datasource check comes with Agroal.) */
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
    @Readiness
    @ApplicationScoped
    HealthCheck kafka(ServerReachability reachability) {
        return () -> HealthCheckResponse.named("Kafka")
                .status(reachability.kafkaUp())
                .withData("bootstrap.servers", reachability.bootstrapServers())
                .withData("problem", reachability.kafkaProblem())
                .build();
    }
}

package org.districtledger.tracker.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.districtledger.testsupport.AppendOnly;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracker's audit trail (who changed an assignment, each step of a flag, each project's story) cannot be
 * rewritten: the database refuses, to the very role the service runs as, which does not own the tables and cannot
 * make them writable again; changes of the business clock and releases of parked projects are kept the same way.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class AuditTrailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServicesOwnDatabaseRoleCannotChangeOrRemoveHistory() throws Exception {
        String code = "WQ-2023-8171";
        BusinessDate.set("2023-03-10");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                AlertsTopic alerts = new AlertsTopic(kafka)) {
            RegistryEvents.send(kafka, RegistryEvents.registeredBuilding(code, "2022-10-01", "2023-W09"));
            alerts.await(code, "ledger.flag.raised.v1", "MISSING_ACCOUNTABILITY");
        }
        given().contentType(ContentType.JSON)
                .body(
                        "{\"leader\": {\"name\": \"审计测试领导\"}, \"taskForce\": {\"name\": \"审计测试专班\", \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"审计联络员\"}]}}")
                .when()
                .put("/api/v1/assignments/" + code)
                .then()
                .statusCode(200);

        try (Connection db = dataSource.getConnection()) {
            for (String table : List.of("assignment_history", "flag_history", "timeline_entry")) {
                assertTrue(count(db, table, code) > 0, table + " has the project's rows");
                String column = table.equals("timeline_entry") ? "summary" : "project_code";
                AppendOnly.assertRefused(
                        db, "UPDATE " + table + " SET " + column + " = 'rewritten' WHERE project_code = ?", code);
                AppendOnly.assertRefused(db, "DELETE FROM " + table + " WHERE project_code = ?", code);
                AppendOnly.assertTruncateRefused(db, table);
            }
            for (String table :
                    List.of("assignment_history", "flag_history", "timeline_entry", "clock_change", "gap_release")) {
                AppendOnly.assertRuntimeRoleCannotUnlock(db, table);
            }
        }
        given().when()
                .get("/api/v1/assignments/" + code + "/history")
                .then()
                .statusCode(200)
                .body("leader.name", Matchers.contains("审计测试领导"));
    }

    private static long count(Connection db, String table, String code) throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement("SELECT count(*) FROM " + table + " WHERE project_code = ?")) {
            query.setString(1, code);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

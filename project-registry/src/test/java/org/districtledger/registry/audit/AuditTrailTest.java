package org.districtledger.registry.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.testsupport.AppendOnly;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

/** The audit trail cannot be rewritten: the database itself refuses, to the very role the service runs as. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServicesOwnDatabaseRoleCannotChangeOrRemoveHistory() throws Exception {
        String code = SampleProjects.register(SampleProjects.preparingSchool(5170));
        String etag =
                given().when().get("/api/v1/projects/" + code).then().extract().header("ETag");
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag)
                .body("{\"town\": \"下朱庄街道\"}")
                .when()
                .patch("/api/v1/projects/" + code)
                .then()
                .statusCode(200);

        try (Connection db = dataSource.getConnection()) {
            AppendOnly.assertRefused(
                    db,
                    "UPDATE project_history SET actor = 'someone else' WHERE project_id = (SELECT id FROM project WHERE code = ?)",
                    code);
            AppendOnly.assertRefused(
                    db,
                    "UPDATE project_history SET after_values = '{}' WHERE project_id = (SELECT id FROM project WHERE code = ?)",
                    code);
            AppendOnly.assertRefused(
                    db, "DELETE FROM project_history WHERE project_id = (SELECT id FROM project WHERE code = ?)", code);
            AppendOnly.assertTruncateRefused(db, "project_history");
            AppendOnly.assertRuntimeRoleCannotUnlock(db, "project_history");
        }

        // appending goes on as before: the next change adds its row, and the old rows read as they were
        etag = given().when().get("/api/v1/projects/" + code).then().extract().header("ETag");
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag)
                .body("{\"town\": \"杨村街道\"}")
                .when()
                .patch("/api/v1/projects/" + code)
                .then()
                .statusCode(200);
        given().when()
                .get("/api/v1/projects/" + code + "/history")
                .then()
                .statusCode(200)
                .body("", hasSize(3))
                .body(
                        "action",
                        contains(
                                "ledger.project.registered.v1",
                                "ledger.project.updated.v2",
                                "ledger.project.updated.v2"))
                .body("[1].after.town", Matchers.equalTo("下朱庄街道"));
    }
}

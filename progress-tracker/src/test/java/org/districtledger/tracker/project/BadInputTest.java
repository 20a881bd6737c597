package org.districtledger.tracker.project;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.districtledger.tracker.TrackerInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** Input the tracker cannot use is a 400 naming the field, never a 500: overflowing paging, text with a NUL. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class BadInputTest {

    @Test
    void aPageBeyondAnyLedgerIsRefused() {
        given().queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 500)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("page"));
    }

    @Test
    void textWithANulCharacterIsRefusedWhereverItComesIn() {
        given().queryParam("leader", "刘\0振东")
                .when()
                .get("/api/v1/flags")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("leader"))
                .body("detail", containsString("NUL"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/projects/WQ-2023-%00/timeline")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"leader\": {\"name\": \"刘\\u0000振东\"}, \"taskForce\": {\"name\": \"专班\", \"leadDepartment\": \"区住建委\","
                                + " \"members\": [{\"name\": \"联络员\"}]}}")
                .when()
                .put("/api/v1/assignments/WQ-2023-0001")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("leader.name"));
    }
}

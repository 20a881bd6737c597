package org.districtledger.tracker;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Sets the tracker's business clock, as the weekly meeting or a simulation would. */
public final class BusinessDate {

    private BusinessDate() {}

    public static void set(String date) {
        given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"" + date + "\"}")
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200)
                .body("today", equalTo(date));
    }
}

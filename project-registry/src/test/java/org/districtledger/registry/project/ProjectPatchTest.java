package org.districtledger.registry.project;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class ProjectPatchTest {

    @Test
    void aPatchNeedsTheCurrentETagAndChangesOnlyWhatItNames() {
        String code = SampleProjects.register(SampleProjects.preparingSchool(5150));
        String etag =
                given().when().get("/api/v1/projects/" + code).then().extract().header("ETag");

        patch(code, null, "{\"town\": \"下朱庄街道\"}")
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        String next = patch(code, etag, "{\"town\": \"下朱庄街道\", \"ownerUnit\": null}")
                .then()
                .statusCode(200)
                .body("town", equalTo("下朱庄街道"))
                .body("ownerUnit", equalTo(null))
                .body("name", equalTo("杨村第四小学"))
                .extract()
                .header("ETag");
        assertNotEquals(etag, next);
        patch(code, etag, "{\"town\": \"杨村街道\"}")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));

        given().when()
                .get("/api/v1/projects/" + code + "/history")
                .then()
                .body("[1].action", equalTo("ledger.project.updated.v2"))
                .body("[1].before.town", equalTo("杨村街道"))
                .body("[1].after.town", equalTo("下朱庄街道"))
                .body("[1].before.ownerUnit", equalTo("区教育局"));
    }

    @Test
    void serverOwnedFieldsAndRuleBreakingValuesAreRefused() {
        String code = SampleProjects.register(SampleProjects.preparingSchool(5151));
        String etag =
                given().when().get("/api/v1/projects/" + code).then().extract().header("ETag");
        patch(code, etag, "{\"pool\": \"BUILDING\"}").then().statusCode(400).body("errors.field", hasItem("pool"));
        patch(code, etag, "{\"version\": 99}").then().statusCode(400).body("errors.field", hasItem("version"));
        patch(code, etag, "{\"investmentCompletedTotal\": 1}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("investmentCompletedTotal"));
        patch(code, etag, "{\"actualStart\": \"2023-01-01\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actualStart"));
        patch(code, etag, "{\"totalInvestment\": 10.005}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("totalInvestment"));
        patch(code, etag, "{\"totalInvestment\": \"a lot\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("totalInvestment"));
        patch(code, etag, "{\"annualPlanInvestment\": 99999999}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("annualPlanInvestment"));
        patch(code, etag, "{\"plannedStart\": \"2024-02-01\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("plannedStart"));
        patch(code, etag, "{\"name\": \"\"}").then().statusCode(400).body("errors.field", hasItem("name"));
        patch(code, etag, "[1, 2]").then().statusCode(400);
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .header("ETag", equalTo(etag))
                .body("sequence", equalTo(1));
    }

    @Test
    void twoConcurrentPatchesWithTheSameETagOneWinsTheOtherGets412() throws Exception {
        String code = SampleProjects.register(SampleProjects.preparingSchool(5152));
        String etag =
                given().when().get("/api/v1/projects/" + code).then().extract().header("ETag");
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Response> first =
                CompletableFuture.supplyAsync(() -> await(together, () -> patch(code, etag, "{\"town\": \"东马圈镇\"}")));
        CompletableFuture<Response> second =
                CompletableFuture.supplyAsync(() -> await(together, () -> patch(code, etag, "{\"town\": \"大良镇\"}")));
        List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "one wins, one is told its ETag is stale");
        String winner = (first.get().statusCode() == 200 ? first.get() : second.get()).path("town");
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .body("town", equalTo(winner))
                .body("sequence", equalTo(2));
    }

    private static Response patch(String code, String etag, String body) {
        var request = given().contentType("application/merge-patch+json; charset=UTF-8")
                .body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.when().patch("/api/v1/projects/" + code);
    }

    private static Response await(CyclicBarrier barrier, Supplier<Response> call) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.get();
    }
}

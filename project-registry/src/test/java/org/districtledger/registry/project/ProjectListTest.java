package org.districtledger.registry.project;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The project list's filters, sorting and paging, on projects of a chain no other test uses. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class ProjectListTest {

    private static final String CHAIN = "测试链-列表";

    private static boolean registered;

    @BeforeEach
    void registerFourOnce() {
        if (registered) {
            return;
        }
        registered = true;
        register("生物医药产业园一期", "BUILDING", "KEY_CONSTRUCTION", "大王古庄镇", "区科工局", "60000.00", "15000.00");
        register("高端装备制造基地", "PREPARING", "KEY_CONSTRUCTION", "大王古庄镇", "区发改委", "30000.00", "9000.00");
        register("新材料研发中心", "RESERVE", null, "崔黄口镇", "区科工局", "12000.00", "3000.00");
        register(
                "<script>alert('x')</script>'; DROP TABLE project; --",
                "PLANNING",
                null,
                "崔黄口镇",
                "区发改委",
                "800.00",
                "100.00");
    }

    @Test
    void filtersNarrowTheListAndTheTotalCountsAllMatches() {
        list("chain", CHAIN).body("total", equalTo(4));
        list("chain", CHAIN, "pool", "PREPARING").body("total", equalTo(1)).body("items[0].name", equalTo("高端装备制造基地"));
        list("chain", CHAIN, "cityCategory", "KEY_CONSTRUCTION").body("total", equalTo(2));
        list("chain", CHAIN, "town", "崔黄口镇").body("total", equalTo(2));
        list("chain", CHAIN, "leadDepartment", "区科工局").body("total", equalTo(2));
        list("chain", CHAIN, "annualPlanAtLeast", "9000").body("total", equalTo(2));
        list("chain", CHAIN, "q", "研发").body("total", equalTo(1)).body("items[0].name", equalTo("新材料研发中心"));
        list("chain", CHAIN, "q", "%").body("total", equalTo(0));
    }

    @Test
    void sortingAndPaging() {
        list("chain", CHAIN, "sort", "-annualPlanInvestment", "size", "2")
                .body("total", equalTo(4))
                .body("items.name", contains("生物医药产业园一期", "高端装备制造基地"));
        list("chain", CHAIN, "sort", "-annualPlanInvestment", "size", "2", "page", "1")
                .body("items.annualPlanInvestment", contains(3000.00f, 100.00f));
        given().queryParam("sort", "colour")
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sort"));
        given().queryParam("pool", "SOMEWHERE")
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("pool"));
        given().queryParam("page", -1)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void textIsStoredAndReturnedExactlyAsSent() {
        list("chain", CHAIN, "pool", "PLANNING")
                .body("items[0].name", equalTo("<script>alert('x')</script>'; DROP TABLE project; --"));
        list("chain", CHAIN).body("total", equalTo(4));
    }

    private static ValidatableResponse list(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().get("/api/v1/projects").then().statusCode(200);
    }

    private static void register(
            String name, String pool, String category, String town, String department, String total, String annual) {
        String body = SampleProjects.inPool(pool, 2023, total, annual)
                .replace("京津产业新城核心区科创CBD", name.replace("\\", "\\\\").replace("\"", "\\\""))
                .replace("\"高端装备\"", "\"" + CHAIN + "\"")
                .replace(
                        "\"京津科技谷\"",
                        "\"" + town + "\", \"leadDepartment\": \"" + department + "\""
                                + (category == null ? "" : ", \"cityCategory\": \"" + category + "\""));
        SampleProjects.register(body);
    }
}

package org.districtledger.tracker.weekly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every past week exactly as it was: a week's view fetched while it was current equals the same week fetched weeks
 * later, after a report of it was corrected, its project's leader changed, its annual plan changed, another project
 * came onto the ledger and its flags moved on (plan year 2032, town 往周镇: used by no other test).
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class PastWeeksTest {

    private static final String TOWN = "往周镇";
    private static final String BUILDING = "WQ-2032-0001";
    private static final String PREPARING = "WQ-2032-0002";
    private static final String LATER = "WQ-2032-0003";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aWeekFetchedWhenItWasCurrentIsTheSameWeeksLater() throws Exception {
        JsonNode week2;
        JsonNode week3;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            // week 2: a project under construction with its leader and its first report, and one late to start
            BusinessDate.set("2032-01-05");
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.registered(UUID.randomUUID(), BUILDING, 1, building(Map.of())),
                    RegistryEvents.registered(UUID.randomUUID(), PREPARING, 1, preparing()));
            awaitSequence(BUILDING, 1);
            awaitSequence(PREPARING, 1);
            assign(BUILDING, "甲领导");
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.progress-reported.v1",
                            BUILDING,
                            2,
                            building(Map.of("lastReportedWeek", "2032-W02")),
                            RegistryEvents.weeklyReport("2032-W02", "2032-01-05", "700.00", "700.00", 1)));
            awaitSequence(BUILDING, 2);
            BusinessDate.set("2032-01-11");
            week2 = week("2032-W02");

            // week 3: the report of week 2 corrected, another leader, a larger annual plan, another project
            BusinessDate.set("2032-01-12");
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.progress-reported.v1",
                            BUILDING,
                            3,
                            building(Map.of("lastReportedWeek", "2032-W02")),
                            RegistryEvents.weeklyReport("2032-W02", "2032-01-05", "900.00", "900.00", 2)),
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.updated.v1",
                            BUILDING,
                            4,
                            building(Map.of(
                                    "lastReportedWeek",
                                    "2032-W02",
                                    "annualPlanInvestment",
                                    new BigDecimal("40000.00"))),
                            Map.of("fields", List.of("annualPlanInvestment"))),
                    RegistryEvents.registered(UUID.randomUUID(), LATER, 1, later()));
            awaitSequence(BUILDING, 4);
            awaitSequence(LATER, 1);
            assign(BUILDING, "乙领导");
            BusinessDate.set("2032-01-18");
            week3 = week("2032-W03");

            // week 4: the late start turns red
            BusinessDate.set("2032-01-19");
            BusinessDate.set("2032-01-25");
        }

        JsonNode week4 = week("2032-W04");
        assertEquals(week2, week("2032-W02"), "week 2 as it was shown in week 2");
        assertEquals(week3, week("2032-W03"), "week 3 as it was shown in week 3");

        // what week 2 showed: its project, its leader, its first report, its plan, the flag's reason of that Sunday
        assertEquals(
                2,
                week2.at("/headline/projectsByPool/BUILDING").asInt()
                        + week2.at("/headline/projectsByPool/PREPARING").asInt());
        assertEquals(0, week2.at("/headline/projectsByPool/PLANNING").asInt(), "the later project is not in week 2");
        assertEquals("甲领导", week2.at("/byLeader/0/leader").asText());
        assertEquals(
                new BigDecimal("700.00"),
                week2.at("/headline/investment/completedYearToDate")
                        .decimalValue()
                        .setScale(2));
        assertEquals(
                new BigDecimal("41600.00"),
                week2.at("/headline/investment/annualPlan").decimalValue().setScale(2),
                "36600 building and 5000 preparing");
        JsonNode late = week2.at("/changes/flags").findValues("reason").stream()
                .filter(reason -> reason.asText().startsWith("计划开工日期"))
                .findFirst()
                .orElseThrow();
        assertEquals("计划开工日期 2031-12-20，已逾期 16 天未开工", late.asText(), "raised on the Monday of week 2");
        assertEquals(
                1,
                week2.at("/headline/flags/yellow").asInt(),
                week2.at("/headline").toString());

        // and week 4 now: the corrected report, the new leader and plan, the later project, the flag red
        assertEquals("乙领导", week4.at("/byLeader/0/leader").asText());
        assertEquals(1, week4.at("/headline/projectsByPool/PLANNING").asInt());
        assertEquals(
                new BigDecimal("900.00"),
                week4.at("/headline/investment/completedYearToDate")
                        .decimalValue()
                        .setScale(2));
        assertEquals(
                new BigDecimal("45000.00"),
                week4.at("/headline/investment/annualPlan").decimalValue().setScale(2));
        assertEquals(
                1,
                week4.at("/headline/flags/red").asInt(),
                week4.at("/headline").toString());
        assertEquals(
                new BigDecimal("900.00"),
                week3.at("/headline/investment/completedYearToDate")
                        .decimalValue()
                        .setScale(2),
                "corrected in week 3");

        // what each of those days reads: one version of each project known then, the one its latest event left
        for (String day : List.of("2032-01-11", "2032-01-18", "2032-01-25")) {
            assertEquals(
                    Map.of(BUILDING, day.equals("2032-01-11") ? 2L : 4L, PREPARING, 1L),
                    currentVersions(day),
                    "the versions current on " + day);
        }
    }

    /** The project versions the weekly view takes as of a day (each of this test's projects: its sequence). */
    private Map<String, Long> currentVersions(String day) throws Exception {
        Map<String, Long> current = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT project_code, sequence FROM tracked_project_version WHERE project_code IN (?, ?)"
                                + " AND recorded_on <= ? AND (superseded_on IS NULL OR superseded_on > ?)")) {
            query.setString(1, BUILDING);
            query.setString(2, PREPARING);
            query.setDate(3, Date.valueOf(day));
            query.setDate(4, Date.valueOf(day));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertNull(current.put(rows.getString(1), rows.getLong(2)), "two versions of " + rows.getString(1));
                }
            }
        }
        return current;
    }

    private JsonNode week(String isoWeek) throws Exception {
        return json.readTree(given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/" + isoWeek)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static void assign(String code, String leader) {
        given().contentType(ContentType.JSON)
                .body("{\"leader\": {\"name\": \"" + leader + "\", \"title\": \"副区长\"}, \"taskForce\": {\"name\": \""
                        + leader + "专班\", \"leadDepartment\": \"区住建委\", \"members\": [{\"name\": \"联络员\"}]}}")
                .when()
                .put("/api/v1/assignments/" + code)
                .then()
                .statusCode(200);
    }

    private static void awaitSequence(String code, int sequence) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/projects/" + code)
                        .then()
                        .statusCode(200)
                        .body("lastSequence", equalTo(sequence)));
    }

    private static Map<String, Object> building(Map<String, Object> changed) {
        Map<String, Object> state = new HashMap<>(Map.of(
                "name", "往周测试厂房",
                "pool", "BUILDING",
                "town", TOWN,
                "planYear", 2032,
                "cityCategory", "KEY_CONSTRUCTION",
                "totalInvestment", new BigDecimal("90000.00"),
                "annualPlanInvestment", new BigDecimal("36600.00"),
                "actualStart", "2031-05-01",
                "poolSince", "2031-05-01",
                "plannedCompletion", "2033-12-31"));
        state.put("plannedStart", "2031-04-20");
        state.putAll(changed);
        return state;
    }

    private static Map<String, Object> preparing() {
        return Map.of(
                "name", "往周测试学校",
                "town", TOWN,
                "planYear", 2032,
                "cityCategory", "KEY_CONSTRUCTION",
                "annualPlanInvestment", new BigDecimal("5000.00"),
                "plannedStart", "2031-12-20",
                "plannedCompletion", "2033-06-30",
                "poolSince", "2031-10-01",
                "lastReportedWeek", "2032-W01");
    }

    private static Map<String, Object> later() {
        return Map.of(
                "name", "往周测试谋划项目",
                "pool", "PLANNING",
                "town", TOWN,
                "planYear", 2032,
                "cityCategory", "KEY_PLANNING",
                "annualPlanInvestment", new BigDecimal("0.00"),
                "plannedStart", "2033-03-01",
                "poolSince", "2032-01-12");
    }
}

package org.districtledger.tracker.weekly;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.awaitility.Awaitility;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An edit's old and new values, as a consumer of ledger.project.updated.v2 reads them: the timeline and the weekly
 * page's 本周变化 say what moved in the office's words (计划开工 2023-04-15 → 2023-07-01), the weekly JSON carries the
 * values themselves; an updated.v1 from the topic's history still reads, its fields named in Chinese.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class WhatChangedTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEditsOldAndNewValuesReadInTheOfficesWords() {
        String code = "WQ-2023-9401";
        BusinessDate.set("2023-02-20");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.registered(
                            UUID.randomUUID(),
                            code,
                            1,
                            Map.of("plannedStart", "2023-04-15", "poolSince", "2023-02-20")));
            BusinessDate.set("2023-02-22");
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("plannedStart", Map.of("old", "2023-04-15", "new", "2023-07-01"));
            values.put(
                    "annualPlanInvestment",
                    Map.of("old", new BigDecimal("21000.25"), "new", new BigDecimal("18000.00")));
            values.put("keyConversion", Map.of("old", false, "new", true));
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.updated.v2",
                            code,
                            2,
                            Map.of(
                                    "plannedStart",
                                    "2023-07-01",
                                    "annualPlanInvestment",
                                    new BigDecimal("18000.00"),
                                    "keyConversion",
                                    true,
                                    "poolSince",
                                    "2023-02-20"),
                            Map.of("fields", List.copyOf(values.keySet()), "values", values)));
            // a v1 edit, as the topic's history has them: the fields without their values
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.updated.v1",
                            code,
                            3,
                            Map.of(
                                    "plannedStart", "2023-07-01",
                                    "annualPlanInvestment", new BigDecimal("18000.00"),
                                    "keyConversion", true,
                                    "town", "下朱庄街道",
                                    "poolSince", "2023-02-20"),
                            Map.of("fields", List.of("town"))));
        }
        String edited = "信息变更：计划开工 2023-04-15 → 2023-07-01；年度计划投资 21000.25 万元 → 18000.00 万元；" + "重点转化项目 否 → 是";
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/projects/" + code + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("summary", hasItem(edited))
                        .body("summary", hasItem("信息变更：所在镇街/园区")));

        given().when()
                .get("/api/v1/weekly/2023-W08")
                .then()
                .statusCode(200)
                .body("changes.edits.findAll { it.code == '" + code + "' }.size()", equalTo(3))
                .body(
                        "changes.edits.find { it.field == 'plannedStart' && it.code == '" + code + "' }.oldValue",
                        equalTo("2023-04-15"))
                .body(
                        "changes.edits.find { it.field == 'plannedStart' && it.code == '" + code + "' }.newValue",
                        equalTo("2023-07-01"))
                .body(
                        "changes.edits.find { it.field == 'plannedStart' && it.code == '" + code + "' }.text",
                        equalTo("计划开工 2023-04-15 → 2023-07-01"))
                .body(
                        "changes.edits.find { it.field == 'annualPlanInvestment' && it.code == '" + code
                                + "' }.newValue",
                        equalTo(18000.00f));
        given().accept("text/html")
                .when()
                .get("/weekly?week=2023-W08")
                .then()
                .statusCode(200)
                .body(containsString("计划开工 2023-04-15 → 2023-07-01"));
    }
}

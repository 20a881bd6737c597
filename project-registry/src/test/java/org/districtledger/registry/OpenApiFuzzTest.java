package org.districtledger.registry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.districtledger.testsupport.OpenApiFuzz;
import org.districtledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's published OpenAPI document, fuzzed: every input it says is invalid gets a 4xx, none a 2xx, and
 * nothing (valid or not) makes the server fail or go silent.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyInputTheDocumentForbidsIsRefusedAndNothingFailsTheServer() throws Exception {
        String code = SampleProjects.register(SampleProjects.preparingSchool(5480));
        String building = SampleProjects.register(SampleProjects.inPool("BUILDING", 2023, "50000.00", "12000.00"));
        String planning = SampleProjects.register(SampleProjects.inPool("PLANNING", 2024, "9000.00", "0.00"));
        OpenApiFuzz.Report report = new OpenApiFuzz(
                        root,
                        Tokens.of("office", "ADMIN"),
                        List.of(
                                Map.of(
                                        "code",
                                        code,
                                        "isoWeek",
                                        "2023-W10",
                                        "type",
                                        "LAND_USE_PLANNING_PERMIT",
                                        "id",
                                        "1"),
                                Map.of(
                                        "code",
                                        building,
                                        "isoWeek",
                                        "2023-W26",
                                        "type",
                                        "CONSTRUCTION_PERMIT",
                                        "id",
                                        "2"),
                                Map.of("code", planning, "isoWeek", "2024-W01", "type", "ENERGY_ASSESSMENT", "id", "3"),
                                Map.of(
                                        "code",
                                        "WQ-2023-9999",
                                        "isoWeek",
                                        "2023-W52",
                                        "type",
                                        "ENVIRONMENTAL_ASSESSMENT",
                                        "id",
                                        "00000000-0000-0000-0000-000000000001")))
                .run();
        System.out.println("[fuzz] registry: " + report.summary());
        assertEquals(0, report.serverErrors().size(), lines(report.serverErrors()));
        assertEquals(0, report.invalidAccepted().size(), lines(report.invalidAccepted()));
        assertEquals(0, report.noAnswer().size(), lines(report.noAnswer()));
        assertEquals(0, report.notProblemJson().size(), lines(report.notProblemJson()));
        assertTrue(report.invalidSent() > 2000, "thousands of invalid inputs: " + report.summary());
    }

    private static String lines(List<OpenApiFuzz.Exchange> exchanges) {
        StringBuilder text = new StringBuilder();
        exchanges.stream().limit(60).forEach(e -> text.append('\n').append(e));
        return exchanges.size() + ":" + text;
    }
}

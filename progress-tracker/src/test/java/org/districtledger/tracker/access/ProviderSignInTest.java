package org.districtledger.tracker.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.districtledger.testsupport.StandInProvider;
import org.districtledger.testsupport.Tokens;
import org.districtledger.tracker.TrackerInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * The tracker as production runs it, against an OpenID Connect provider (a WireMock stand-in for the district's
 * Keycloak, in this JVM): the APIs take the provider's bearer tokens and answer 401 without one, the weekly page
 * sends a browser to the provider's sign-in, and the demo identity is absent.
 */
@QuarkusTest
@TestProfile(ProviderSignInTest.DistrictProvider.class)
class ProviderSignInTest {

    /** The production settings of the tracker's application.properties, pointed at the stand-in provider. */
    public static class DistrictProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return StandInProvider.settings("/weekly,/weekly/*", "/weekly");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(TrackerInfrastructure.class, Map.of("identity", "provider")),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void theProvidersTokensOnTheApisAndItsSignInForThePage() {
        String viewer =
                OidcWiremockTestResource.generateJwtToken("viewer-zhang", Set.of("VIEWER"), StandInProvider.ISSUER);
        String office = OidcWiremockTestResource.generateJwtToken("office-li", Set.of("ADMIN"), StandInProvider.ISSUER);
        given().auth().oauth2(viewer).when().get("/api/v1/flags").then().statusCode(200);
        given().auth()
                .oauth2(viewer)
                .contentType(ContentType.JSON)
                .body("{\"asOf\": \"2023-03-10\"}")
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(office)
                .contentType(ContentType.JSON)
                .body("{\"asOf\": \"2023-03-10\"}")
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200);

        // an API client without a token, or with one the provider did not sign: 401, not a redirect
        given().redirects().follow(false).when().get("/api/v1/flags").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.unsigned())
                .redirects()
                .follow(false)
                .when()
                .get("/api/v1/flags")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.foreignKey("office", "ADMIN"))
                .redirects()
                .follow(false)
                .when()
                .get("/api/v1/flags")
                .then()
                .statusCode(401);

        // a browser on the weekly page goes to the provider's sign-in (authorization code flow)
        given().accept("text/html")
                .redirects()
                .follow(false)
                .when()
                .get("/weekly")
                .then()
                .statusCode(302)
                .header("Location", containsString("/realms/quarkus?response_type=code"))
                .header("Location", containsString("client_id=district-ledger"))
                // PKCE, as the district's realm requires
                .header("Location", containsString("code_challenge_method=S256"));

        // the demo identity is not there
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"office\", \"password\": \"demo\"}")
                .when()
                .post("/auth/token")
                .then()
                .statusCode(404);
        given().when().get("/auth/login").then().statusCode(404);
    }
}

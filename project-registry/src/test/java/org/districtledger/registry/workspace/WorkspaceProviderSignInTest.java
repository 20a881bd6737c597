package org.districtledger.registry.workspace;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.testsupport.StandInProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace as production runs it, against an OpenID Connect provider (a WireMock stand-in for the district's
 * Keycloak): a browser goes through the provider's sign-in (authorization code flow) and gets the page's session;
 * the page's script then calls the JSON API with that session and its {@code X-Requested-With} header, as the
 * user who signed in, and the page's export link opens on it. A change sent with the session but without the header
 * is refused (another site could send that); an ended session answers 499 for the script to reload, not a redirect.
 */
@QuarkusTest
@TestProfile(WorkspaceProviderSignInTest.DistrictProvider.class)
class WorkspaceProviderSignInTest {

    /** The production settings of the registry's application.properties, pointed at the stand-in provider. */
    public static class DistrictProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return StandInProvider.settings("/,/workspace,/workspace/*", "/");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(RegistryInfrastructure.class, Map.of("identity", "provider")),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void thePagesSessionOpensTheApiToThePagesOwnScript() {
        // the page sends the browser to the provider's sign-in
        Response page =
                given().accept("text/html").redirects().follow(false).when().get("/workspace/office");
        page.then()
                .statusCode(302)
                .header("Location", containsString("/realms/quarkus?response_type=code"))
                // PKCE, as the district's realm requires
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("code_challenge="));
        Map<String, String> signIn = query(page.header("Location"));
        Map<String, String> cookies = new HashMap<>(page.cookies());

        // the provider signs alice in and sends the browser back with a code, which the registry exchanges
        URI provider = URI.create(page.header("Location"));
        Response back = given().redirects()
                .follow(false)
                .queryParam("state", signIn.get("state"))
                .queryParam("redirect_uri", signIn.get("redirect_uri"))
                .queryParam("username", "alice")
                .queryParam("password", "alice")
                .when()
                .get(provider.getScheme() + "://" + provider.getAuthority() + "/login");
        back.then().statusCode(302);
        Response signedIn =
                given().cookies(cookies).redirects().follow(false).when().get(back.header("Location"));
        signedIn.then().statusCode(302);
        cookies.putAll(signedIn.cookies());
        assertTrue(cookies.containsKey("q_session_web"), "the page's session: " + cookies.keySet());

        given().cookies(cookies)
                .accept("text/html")
                .when()
                .get("/workspace/office")
                .then()
                .statusCode(200)
                .body(containsString("导入项目台账"));

        // the page's script calls the API with the session, as alice, who is the office
        given().cookies(cookies)
                .header("X-Requested-With", "JavaScript")
                .accept("application/json")
                .when()
                .get("/api/v1/workspace")
                .then()
                .statusCode(200)
                .body("user", equalTo("alice"))
                .body("role", equalTo("ADMIN"));

        // a link on the page (an export) opens on the session too
        given().cookies(cookies)
                .when()
                .get("/api/v1/exports/ledger.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"));

        // a change is taken on the session only from the page's own script: another site's form or request carries
        // the cookie but cannot add the header. Without it, 401; with it, the grid's own check answers (no rows)
        given().cookies(cookies)
                .contentType("application/json")
                .body("{\"rows\": []}")
                .redirects()
                .follow(false)
                .when()
                .put("/api/v1/weekly-reports/2023-W26")
                .then()
                .statusCode(401);
        given().cookies(cookies)
                .header("X-Requested-With", "JavaScript")
                .contentType("application/json")
                .body("{\"rows\": []}")
                .when()
                .put("/api/v1/weekly-reports/2023-W26")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        // a session that ended: 499, for the script to reload the page and sign in again
        given().cookie("q_session_web", "ended")
                .header("X-Requested-With", "JavaScript")
                .redirects()
                .follow(false)
                .when()
                .get("/api/v1/workspace")
                .then()
                .statusCode(499);

        // bearer tokens of the provider still open the API to other systems
        String office =
                OidcWiremockTestResource.generateJwtToken("office-zhao", Set.of("ADMIN"), StandInProvider.ISSUER);
        given().auth()
                .oauth2(office)
                .when()
                .get("/api/v1/workspace")
                .then()
                .statusCode(200)
                .body("user", equalTo("office-zhao"));

        // 退出: the session cookie goes, and the browser is sent to the provider to end its session there too
        Response out = given().cookies(cookies)
                .contentType("application/x-www-form-urlencoded")
                .redirects()
                .follow(false)
                .when()
                .post("/auth/logout");
        out.then().statusCode(302).header("Location", containsString(provider.getAuthority()));
        assertTrue(
                out.headers().getValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("q_session_web=")
                                && c.toLowerCase().contains("max-age=0")),
                "the session cookie cleared: " + out.headers().getValues("Set-Cookie"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> values = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}

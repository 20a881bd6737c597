package org.districtledger.system;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.districtledger.testsupport.StandInProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged tracker behind one address, as production runs them, signing people in through the
 * district's provider (a WireMock stand-in): a browser that starts the sign-in at one replica (PKCE verifier in the
 * encrypted state cookie) and comes back from the provider to the other is signed in, its session opens the weekly
 * page and its Excel export at either replica, and sign-out ends it. A replica with another session secret reads
 * neither cookie: one secret for every replica is what makes this work.
 */
class SharedSessionIT {

    @TempDir
    static Path data;

    private static RunningServices running;
    private static OidcWiremockTestResource provider;
    private static Map<String, String> signIn;

    @BeforeAll
    static void start() {
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        provider = new OidcWiremockTestResource();
        String url = provider.start().get("keycloak.url");
        signIn = new HashMap<>();
        StandInProvider.settings("/weekly,/weekly/*", "/weekly")
                .forEach((name, value) -> signIn.put(name, value.replace("${keycloak.url}", url)));
        running = new RunningServices(data, "tracker");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (running != null) {
            running.close();
        }
        provider.stop();
    }

    @Test
    void aSessionStartedAtOneReplicaIsGoodAtTheOther() throws Exception {
        Http one = running.start("progress-tracker", "tracker", production(StandInProvider.SESSION_SECRET));
        Http other = running.start("progress-tracker", "tracker", production(StandInProvider.SESSION_SECRET));
        Http stranger =
                running.start("progress-tracker", "tracker", production("another-secret-0123456789abcdefghijkl"));
        Browser browser = new Browser();

        // the weekly page at one replica sends the browser to the provider, with PKCE
        HttpResponse<String> page = browser.get(one.url("/weekly"));
        assertEquals(302, page.statusCode());
        String authorize = page.headers().firstValue("Location").orElseThrow();
        assertTrue(
                authorize.contains("code_challenge_method=S256") && authorize.contains("code_challenge="), authorize);
        Map<String, String> query = query(authorize);

        // the provider signs alice in and sends her back, the balancer this time to the other replica
        URI login = URI.create(authorize);
        HttpResponse<String> back = browser.get(login.getScheme() + "://" + login.getAuthority() + "/login?state="
                + encode(query.get("state")) + "&redirect_uri=" + encode(query.get("redirect_uri"))
                + "&username=alice&password=alice");
        assertEquals(302, back.statusCode());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signedIn = browser.get(other.url(callback.getPath() + "?" + callback.getRawQuery()));
        assertEquals(302, signedIn.statusCode(), "the other replica read the state cookie and its PKCE verifier");
        assertTrue(browser.has("q_session_web"), "signed in: " + browser.cookies());

        // the session opens the page and the export at either replica
        for (Http replica : List.of(one, other)) {
            HttpResponse<String> weekly = browser.get(replica.url("/weekly"));
            assertEquals(200, weekly.statusCode(), weekly.body());
            assertTrue(weekly.body().contains("周调度"), "the weekly page");
            // the page's Excel link: the API, on the page's session
            HttpResponse<String> workbook = browser.get(replica.url("/api/v1/weekly/2023-W26.xlsx"));
            assertEquals(200, workbook.statusCode(), workbook.body());
            assertTrue(workbook.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        }
        // a replica with another secret cannot read it: it sends the browser to sign in again
        // (asked aside, with the cookie alone: it would clear the session in the browser, as a real one does)
        assertEquals(302, browser.aside(stranger.url("/weekly")).statusCode());

        // sign-out at one replica ends the session everywhere the browser goes
        HttpResponse<String> out = browser.post(one.url("/auth/logout"));
        String ending = out.headers().firstValue("Location").orElse("");
        assertEquals(302, out.statusCode(), ending);
        assertTrue(
                ending.startsWith(login.getScheme() + "://" + login.getAuthority()),
                "the provider ends its session too: " + ending);
        assertTrue(!browser.has("q_session_web"), "the session cookie is gone: " + browser.cookies());
        assertEquals(302, browser.get(other.url("/weekly")).statusCode());
    }

    /** The tracker as production signs people in: the stand-in provider, and this session secret. */
    private static Map<String, String> production(String secret) {
        Map<String, String> settings = new HashMap<>(signIn);
        settings.put("quarkus.oidc.web.authentication.state-secret", secret);
        settings.put("quarkus.oidc.web.token-state-manager.encryption-secret", secret);
        // system properties, so that they stand above the packaged defaults
        String options = settings.entrySet().stream()
                .map(setting -> "-D" + setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining(" "));
        // production, not the local run's demo sign-in
        return Map.of(
                "JAVA_TOOL_OPTIONS",
                options,
                "LEDGER_SESSION_SECRET",
                secret,
                "QUARKUS_PROFILE",
                "prod",
                "QUARKUS_OIDC_PUBLIC_KEY",
                "");
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser's part: its cookies (for localhost, whatever the port, as browsers keep them), no redirects followed. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A request with the browser's session cookie, whose answer's cookies the browser does not keep. */
        HttpResponse<String> aside(String url) throws Exception {
            String session = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().startsWith("q_session_web"))
                    .map(HttpCookie::toString)
                    .collect(Collectors.joining("; "));
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Accept", "text/html")
                                    .header("Cookie", session)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        /** The page's 退出 button: a form posted to the page's own site. */
        HttpResponse<String> post(String url) throws Exception {
            URI uri = URI.create(url);
            return client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", uri.getScheme() + "://" + uri.getAuthority())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        boolean has(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .anyMatch(cookie ->
                            cookie.getName().equals(name) && !cookie.getValue().isEmpty());
        }

        List<String> cookies() {
            return cookies.getCookieStore().getCookies().stream()
                    .map(HttpCookie::getName)
                    .toList();
        }
    }
}

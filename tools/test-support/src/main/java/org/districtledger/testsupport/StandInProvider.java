package org.districtledger.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * The production sign-in settings (service-runtime's {@code %prod.quarkus.oidc.*}) pointed at the WireMock stand-in
 * for the district's provider ({@code OidcWiremockTestResource}, which names itself by {@code keycloak.url}), for the
 * tests that run a service as production signs people in.
 */
public final class StandInProvider {

    /** The stand-in's issuer, and the audience of its access tokens. */
    public static final String ISSUER = "https://server.example.com";

    /** The session secret both replicas of a service would share (32 characters or more). */
    public static final String SESSION_SECRET = "stand-in-session-secret-0123456789abcdef";

    private StandInProvider() {}

    /** The settings of a service whose pages (at {@code pagePaths}) sign in through the stand-in and go home to {@code home} after signing out. */
    public static Map<String, String> settings(String pagePaths, String home) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ledger.identity.demo.enabled", "false");
        settings.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus");
        settings.put("quarkus.oidc.client-id", "district-ledger");
        settings.put("quarkus.oidc.token.issuer", ISSUER);
        // the stand-in provider's tokens name this audience
        settings.put("quarkus.oidc.token.audience", ISSUER);
        settings.put("quarkus.oidc.web.auth-server-url", "${keycloak.url}/realms/quarkus");
        settings.put("quarkus.oidc.web.client-id", "district-ledger");
        // the stand-in names the audience of its ID tokens after the client's Basic credentials
        settings.put("quarkus.oidc.web.credentials.secret", "stand-in-client-secret");
        settings.put("quarkus.oidc.web.application-type", "web-app");
        settings.put("quarkus.oidc.web.tenant-paths", pagePaths + ",/auth/logout");
        settings.put("quarkus.oidc.web.token.issuer", ISSUER);
        settings.put("quarkus.oidc.web.roles.source", "accesstoken");
        settings.put("quarkus.oidc.web.authentication.pkce-required", "true");
        settings.put("quarkus.oidc.web.authentication.state-secret", SESSION_SECRET);
        settings.put("quarkus.oidc.web.token-state-manager.encryption-secret", SESSION_SECRET);
        settings.put("quarkus.oidc.web.logout.path", "/auth/logout");
        settings.put("quarkus.oidc.web.logout.post-logout-path", home);
        settings.put("quarkus.oidc.web.authentication.java-script-auto-redirect", "false");
        // the stand-in's user alice has the roles admin and user, in the groups claim: she is the office here
        settings.put("quarkus.oidc.web.roles.role-claim-path", "groups");
        settings.put("quarkus.http.auth.roles-mapping.admin", "ADMIN");
        return settings;
    }
}

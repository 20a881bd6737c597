package org.districtledger.runtime.identity;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In the production profile a service starts only with a real identity provider: the demo identity (for a
 * laptop) and no identity provider at all both stop it before it takes a request, and so does a missing or short
 * session secret while the pages sign people in.
 */
@ApplicationScoped
public class IdentityCheck {

    /** The secret every replica encrypts the pages' session and sign-in cookies with. */
    static final String SESSION_SECRET = "ledger.session-secret";

    static final int SESSION_SECRET_MIN = 32;

    void onStart(@Observes StartupEvent start, DemoIdentity demo) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        if (demo.enabled()) {
            throw new IllegalStateException(
                    "ledger.identity.demo.enabled=true is refused in the production profile: connect the "
                            + "district's OpenID Connect provider (QUARKUS_OIDC_AUTH_SERVER_URL) instead, or run locally with QUARKUS_PROFILE=local");
        }
        var config = ConfigProvider.getConfig();
        if (config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                        .isEmpty()
                && config.getOptionalValue("quarkus.oidc.public-key", String.class)
                        .isEmpty()) {
            throw new IllegalStateException(
                    "No identity provider: set QUARKUS_OIDC_AUTH_SERVER_URL to the district's OpenID Connect "
                            + "provider (e.g. https://sso.example.gov.cn/realms/district-ledger) and QUARKUS_OIDC_CLIENT_ID; see deploy/keycloak");
        }
        boolean pages = config.getOptionalValue("quarkus.oidc.web.tenant-enabled", Boolean.class)
                .orElse(true);
        int secret = config.getOptionalValue(SESSION_SECRET, String.class)
                .map(String::length)
                .orElse(0);
        if (pages && secret < SESSION_SECRET_MIN) {
            throw new IllegalStateException(
                    "The pages' sign-in needs LEDGER_SESSION_SECRET, at least " + SESSION_SECRET_MIN
                            + " characters, the same for every replica of the service (a Kubernetes Secret): it encrypts the "
                            + "session and PKCE cookies, so that a replica reads what another wrote and a restart signs nobody out");
        }
    }
}

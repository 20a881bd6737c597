package org.districtledger.runtime.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The local run's sign-in for pages: the demo token in an HttpOnly, SameSite=Strict cookie, verified exactly as a
 * bearer token is. A browser that is not signed in is sent to the sign-in page. Does nothing unless the demo
 * identity is on: in production the OpenID Connect provider's own sign-in serves the pages.
 */
@ApplicationScoped
public class DemoSessionMechanism implements HttpAuthenticationMechanism {

    public static final String COOKIE = "ledger_session";
    public static final String SIGN_IN = "/auth/login";

    private final DemoIdentity demo;

    public DemoSessionMechanism(DemoIdentity demo) {
        this.demo = demo;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!demo.enabled() || context.request().headers().contains("Authorization")) {
            return Uni.createFrom().optional(Optional.empty());
        }
        Cookie session = context.request().getCookie(COOKIE);
        if (session == null || session.getValue().isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        TokenAuthenticationRequest request =
                new TokenAuthenticationRequest(new AccessTokenCredential(session.getValue()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        if (!demo.enabled() || accept == null || !accept.contains("text/html")) {
            return Uni.createFrom().nullItem();
        }
        String next = context.request().uri();
        return Uni.createFrom()
                .item(new ChallengeData(
                        302, "Location", SIGN_IN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // before the bearer mechanism, so that a browser gets the sign-in page rather than a bare 401
        return DEFAULT_PRIORITY + 100;
    }
}

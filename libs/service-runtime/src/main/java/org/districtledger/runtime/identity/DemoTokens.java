package org.districtledger.runtime.identity;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Signs the demo users in: checks the password, and issues a token signed with the local run's private key. */
@ApplicationScoped
public class DemoTokens {

    /** The audience the services accept (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "district-ledger";

    private final DemoIdentity demo;

    public DemoTokens(DemoIdentity demo) {
        this.demo = demo;
    }

    /** A signed token for a demo user whose password is right; empty otherwise, or when the demo is off. */
    public Optional<String> signIn(String user, String password) {
        if (!demo.enabled()
                || user == null
                || password == null
                || !demo.users().containsKey(user)
                || !MessageDigest.isEqual(
                        password.getBytes(StandardCharsets.UTF_8),
                        demo.password().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(issue(user));
    }

    /** A signed token for a demo user, whatever the password. */
    public String issue(String user) {
        Set<String> roles =
                new HashSet<>(Arrays.asList(demo.users().getOrDefault(user, "").split("\\s*,\\s*")));
        roles.remove("");
        return Jwt.issuer(demo.issuer())
                .audience(AUDIENCE)
                .upn(user)
                .preferredUserName(user)
                .subject(user)
                .groups(roles)
                .expiresIn(demo.tokenLifetime())
                .sign();
    }

    public long lifetimeSeconds() {
        return demo.tokenLifetime().toSeconds();
    }
}

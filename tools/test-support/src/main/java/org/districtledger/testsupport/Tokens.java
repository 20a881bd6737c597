package org.districtledger.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens for tests: good ones, signed with the test run's demo key (see {@link LedgerInfrastructureResource}),
 * and every kind of bad one a service must refuse with 401.
 */
public final class Tokens {

    /** The audience the services accept. */
    public static final String AUDIENCE = "district-ledger";

    /** The demo identity's issuer, which the services accept in the tests. */
    public static final String ISSUER = "https://district-ledger.local/demo";

    private Tokens() {}

    /** A good token for the user with these roles. */
    public static String of(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .upn(user)
                .preferredUserName(user)
                .subject(user)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign();
    }

    /** Signed with the right key, but it ran out an hour ago. */
    public static String expired(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .upn(user)
                .groups(Set.of(roles))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
    }

    /** Signed with the right key and issuer, but for another system (another audience). */
    public static String otherAudience(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience("budget-system")
                .upn(user)
                .preferredUserName(user)
                .subject(user)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign();
    }

    /** Signed with the right key by someone claiming to be another issuer. */
    public static String wrongIssuer(String user, String... roles) {
        return Jwt.issuer("https://login.example.com/realms/elsewhere")
                .audience(AUDIENCE)
                .upn(user)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign();
    }

    /** Well formed, but signed with a key the services do not know. */
    public static String foreignKey(String user, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER)
                    .upn(user)
                    .groups(Set.of(roles))
                    .expiresIn(3600)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A good token of a viewer whose payload was rewritten to make him an administrator; the signature is the old one. */
    public static String tampered() {
        String[] parts = of("viewer", "VIEWER").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"VIEWER\"", "\"ADMIN\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** No signature at all: {@code alg=none}, claiming to be an administrator. */
    public static String unsigned() {
        long exp = Instant.now().plusSeconds(3600).getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload =
                "{\"iss\":\"" + ISSUER + "\",\"upn\":\"office\",\"preferred_username\":\"office\",\"sub\":\"office\","
                        + "\"groups\":[\"ADMIN\"],\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + exp + "}";
        return base64(header) + "." + base64(payload) + ".";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

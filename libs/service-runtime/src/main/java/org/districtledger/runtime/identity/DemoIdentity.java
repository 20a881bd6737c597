package org.districtledger.runtime.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * The local run's built-in identity provider: demo users for each role, and tokens signed with the key pair
 * the run command generates at first start. It refuses to start in the production profile ({@link IdentityCheck}).
 */
@ConfigMapping(prefix = "ledger.identity.demo")
public interface DemoIdentity {

    /** On in the local run and the tests only. */
    @WithDefault("false")
    boolean enabled();

    /** The issuer ({@code iss}) of the demo tokens; the services accept no other while the demo is on. */
    @WithDefault("https://district-ledger.local/demo")
    String issuer();

    /** Every demo user's password: a local machine's demo, not a secret. */
    @WithDefault("demo")
    String password();

    /** The demo users and their roles, comma-separated: {@code ledger.identity.demo.users.office=ADMIN}. */
    Map<String, String> users();

    /** How long a demo token is good for. */
    @WithDefault("PT8H")
    Duration tokenLifetime();
}

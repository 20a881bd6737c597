package org.districtledger.runtime;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who makes the current request, as the history, the events and the access checks see it. */
@RequestScoped
public class CurrentUser {

    public static final String ANONYMOUS = "anonymous";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The signed-in user's name (the token's {@code upn} or {@code preferred_username}). */
    public String name() {
        return identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}

package org.districtledger.runtime;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who makes the current request, as the history and the events record it. Until sign-in is in place every
 * request is {@code anonymous}; this is the one place that will read the signed-in identity.
 */
@RequestScoped
public class CurrentUser {

    public static final String ANONYMOUS = "anonymous";

    public String name() {
        return ANONYMOUS;
    }
}

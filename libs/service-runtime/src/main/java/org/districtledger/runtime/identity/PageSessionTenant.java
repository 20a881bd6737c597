package org.districtledger.runtime.identity;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In production the pages sign people in through the provider (the {@value #TENANT} tenant, authorization code flow)
 * and then use the JSON API with the page's session cookie instead of a bearer token: links (the exports) with a
 * plain GET, the pages' scripts with any method and the {@code X-Requested-With: JavaScript} header. A request that
 * changes something is taken on the session only with that header, which another site cannot send without the CORS
 * preflight this service refuses; for a script, a session that ended answers 499 (the page reloads and signs in
 * again) rather than a redirect it cannot follow. Any other API call is the default tenant's (bearer tokens only),
 * even with the session cookie, which Quarkus would otherwise take as a hint; the pages keep their tenant paths.
 */
@ApplicationScoped
public class PageSessionTenant implements TenantResolver {

    static final String TENANT = "web";
    /** Quarkus's name of the unnamed tenant ({@code OidcUtils.DEFAULT_TENANT_ID}). */
    static final String DEFAULT_TENANT = "Default";
    /** Quarkus's session cookie of the tenant (split into {@code _chunk_N} cookies when large). */
    static final String SESSION_COOKIE = "q_session_" + TENANT;

    @Override
    public String resolve(RoutingContext context) {
        return tenantOf(
                context.request().method().name(),
                context.request().path(),
                context.request().getHeader("Authorization"),
                context.request().getHeader("X-Requested-With"),
                context.request().cookies().stream().map(Cookie::getName).anyMatch(PageSessionTenant::isSession));
    }

    /** The page's tenant for the API used with the page's session as above, the default for any other API call. */
    static String tenantOf(String method, String path, String authorization, String requestedWith, boolean hasSession) {
        if (!path.startsWith("/api/")) {
            return null;
        }
        boolean safe = "GET".equals(method) || "HEAD".equals(method);
        boolean fromPage = hasSession && authorization == null && (safe || "JavaScript".equals(requestedWith));
        return fromPage ? TENANT : DEFAULT_TENANT;
    }

    private static boolean isSession(String cookie) {
        return cookie.equals(SESSION_COOKIE) || cookie.startsWith(SESSION_COOKIE + "_chunk_");
    }
}

package org.districtledger.runtime;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every log line written while a request is served names who made it ({@code actor}) and the project it is about
 * ({@code project}, the path's ledger code), as MDC fields: the JSON logs of production carry them.
 */
@Singleton
public class RequestLogContext {

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        MDC.put(
                "actor",
                security == null || security.getUserPrincipal() == null
                        ? CurrentUser.ANONYMOUS
                        : security.getUserPrincipal().getName());
        String code = request.getUriInfo().getPathParameters().getFirst("code");
        if (code != null) {
            MDC.put("project", code);
        }
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove("actor");
        MDC.remove("project");
    }
}

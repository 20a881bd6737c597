package org.districtledger.runtime.identity;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.web.HtmlPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The local run's sign-in page for the pages of either service (the workspace, the weekly view): a demo user's name and password, answered with the token in
 * an HttpOnly, SameSite=Strict cookie, which another site's page never gets sent with its requests. A form posted
 * from another origin is refused by the same-origin check (quarkus.http.cors). In production the district's
 * OpenID Connect provider signs people in and this page is absent.
 */
@Path("/auth")
@PermitAll
@HtmlPage
@Tag(name = "sign-in")
public class SignInPage {

    private final DemoIdentity demo;
    private final DemoTokens tokens;
    private final String title;
    private final String home;
    private final Template login;

    public SignInPage(
            DemoIdentity demo,
            DemoTokens tokens,
            Engine engine,
            @ConfigProperty(name = "ledger.pages.title") String title,
            @ConfigProperty(name = "ledger.pages.home") String home) {
        this.demo = demo;
        this.tokens = tokens;
        this.title = title;
        this.home = home;
        // the page ships in this library, so it is parsed from the class path rather than found among the service's
        this.login = engine.parse(resource("ledger-pages/login.html"));
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The sign-in page of the local run's demo users")
    public TemplateInstance form(@QueryParam("next") String next) {
        requireDemo();
        return login(safeNext(next), null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Signs a demo user in and goes on to the page asked for")
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("next") String next) {
        requireDemo();
        String target = safeNext(next);
        return tokens.signIn(username, password)
                .map(token -> Response.seeOther(URI.create(target))
                        .cookie(new NewCookie.Builder(DemoSessionMechanism.COOKIE)
                                .value(token)
                                .path("/")
                                .httpOnly(true)
                                .sameSite(NewCookie.SameSite.STRICT)
                                .maxAge((int) tokens.lifetimeSeconds())
                                .build())
                        .build())
                .orElseGet(() ->
                        Response.status(401).entity(login(target, "用户名或密码不正确")).build());
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Signs out")
    public Response signOut() {
        return Response.seeOther(URI.create(DemoSessionMechanism.SIGN_IN))
                .cookie(new NewCookie.Builder(DemoSessionMechanism.COOKIE)
                        .value("")
                        .path("/")
                        .httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT)
                        .maxAge(0)
                        .build())
                .build();
    }

    private void requireDemo() {
        if (!demo.enabled()) {
            throw HttpProblemException.notFound("Page", "/auth/login");
        }
    }

    private TemplateInstance login(String next, String error) {
        return this.login.data("title", title).data("next", next).data("error", error);
    }

    /** Only a page of this service: a path, never another site. */
    private String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : home;
    }

    private static String resource(String path) {
        try (InputStream in = SignInPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

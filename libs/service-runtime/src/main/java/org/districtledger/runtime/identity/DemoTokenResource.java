package org.districtledger.runtime.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.HttpProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The local run's token endpoint for its demo users; absent (404) unless the demo identity is on. */
@Path("/auth/token")
@Tag(name = "sign-in")
@PermitAll
public class DemoTokenResource {

    /** A demo user's name and password. */
    public record SignIn(
            @NotBlank @Size(max = 64) String username,
            @NotNull @Size(max = 128) String password) {}

    /** A bearer token, as an OAuth 2.0 token endpoint answers. */
    public record Token(String access_token, String token_type, long expires_in) {}

    private final DemoTokens tokens;
    private final DemoIdentity demo;

    public DemoTokenResource(DemoTokens tokens, DemoIdentity demo) {
        this.tokens = tokens;
        this.demo = demo;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signs a demo user in (local run only) and answers a bearer token")
    public Token token(@Valid @NotNull SignIn signIn) {
        if (!demo.enabled()) {
            throw HttpProblemException.notFound("Endpoint", "/auth/token");
        }
        String token = tokens.signIn(signIn.username(), signIn.password())
                .orElseThrow(() -> new HttpProblemException(
                        401, "unauthorized", "Unauthorized", "unknown user or wrong password", List.of()));
        return new Token(token, "Bearer", tokens.lifetimeSeconds());
    }
}

package org.splitcast.portal.api.session;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.problem.Problems;
import org.splitcast.portal.security.BrowserSession;
import org.splitcast.portal.security.BrowserSessions;
import org.splitcast.portal.security.LoginGuard;
import org.splitcast.portal.security.SessionCookie;
import org.splitcast.registry.account.Caller;

/**
 * {@code /api/session}: a browser signs in with a username and password (checked by {@link
 * AccountService#authenticate}, Argon2id) and gets an {@code HttpOnly}, {@code SameSite=Strict}
 * session cookie plus a CSRF token that it must send in {@value SessionCookie#CSRF_HEADER} on
 * every unsafe request; {@code GET} tells a reloaded page who is signed in (and the token again),
 * or answers 204 when nobody is;
 * {@code DELETE} signs out. HTTP Basic keeps working for API clients, unchanged.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    private static final String PATH = "/api/session";
    private static final String CHALLENGE = "Session realm=\"splitcast\"";

    @Inject
    LoginGuard guard;

    @Inject
    BrowserSessions sessions;

    @Context
    HttpServletRequest request;

    /** Mark the cookie Secure even over plain HTTP: set it when a TLS proxy is in front. */
    @Inject
    @ConfigProperty(name = "splitcast.session.secure-cookie", defaultValue = "false")
    boolean secureCookie;

    /** What the sign-in form sends. */
    public record SignIn(
            @NotBlank(message = "username is required") @Size(max = 200, message = "username is too long")
                    String username,
            @NotBlank(message = "password is required") @Size(max = 1024, message = "password is too long")
                    String password) {

        @Override
        public String toString() {
            return "SignIn[username=" + username + "]";
        }
    }

    /**
     * Who is signed in.
     *
     * @param csrfToken to send in the {@value SessionCookie#CSRF_HEADER} header on POST, PUT, DELETE
     * @param expiresAt when the session ends at the latest (it ends sooner when idle)
     */
    public record SessionView(String username, String role, String subscriberId, String csrfToken, Instant expiresAt) {

        static SessionView of(BrowserSession s) {
            Caller c = s.caller();
            return new SessionView(c.username(), c.role().roleName(), c.subscriberId(), s.csrfToken(), s.expiresAt());
        }

        @Override
        public String toString() {
            return "SessionView[username=" + username + "]";
        }
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sign in a browser",
            description = "Checks the password like HTTP Basic does, then sets the HttpOnly, SameSite=Strict cookie"
                    + " splitcast_session and returns the CSRF token to send in X-CSRF-Token on unsafe requests."
                    + " 401 unauthenticated on a wrong username or password.")
    @APIResponse(
            responseCode = "200",
            description = "Signed in: the session cookie is set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "429",
            description = "too-many-login-attempts: too many failed sign-ins for the account or from the address,"
                    + " or too many password checks in progress; retry after Retry-After seconds",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response signIn(@NotNull(message = "a body {username, password} is required") @Valid SignIn form) {
        char[] password = form.password().toCharArray();
        Optional<Caller> caller;
        try {
            caller = guard.authenticate(form.username(), password, request.getRemoteAddr());
        } catch (LoginGuard.Throttled e) {
            return Response.fromResponse(Problems.response(ErrorCode.TOO_MANY_LOGIN_ATTEMPTS, e.getMessage(), PATH))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .build();
        } finally {
            Arrays.fill(password, '\0');
        }
        if (caller.isEmpty()) {
            LOG.debugf("sign-in refused for %s", form.username());
            return Response.fromResponse(
                            Problems.response(ErrorCode.UNAUTHENTICATED, "Unknown username or wrong password", PATH))
                    .header("WWW-Authenticate", CHALLENGE)
                    .build();
        }
        // a new token at every sign-in: a cookie planted before it (session fixation) is worth nothing
        sessions.close(SessionCookie.token(request));
        BrowserSessions.Opened opened = sessions.open(caller.get());
        return Response.ok(SessionView.of(opened.session()))
                .header("Set-Cookie", SessionCookie.set(opened.token(), secure()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @PermitAll
    @Operation(
            summary = "The signed-in browser's session",
            description = "Who the session cookie belongs to and its CSRF token; 204 (no body) when this browser"
                    + " is not signed in: the page then shows the sign-in form, and the browser logs no error.")
    @APIResponse(
            responseCode = "200",
            description = "The session",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "204", description = "Not signed in")
    public Response current() {
        return sessions.find(SessionCookie.token(request))
                .map(s -> Response.ok(SessionView.of(s)))
                .orElseGet(Response::noContent)
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @PermitAll
    @Operation(
            summary = "Sign out",
            description = "Ends the session and deletes the cookie; needs the X-CSRF-Token header (403 otherwise)."
                    + " Without a live session, only deletes the cookie.")
    @APIResponse(responseCode = "204", description = "Signed out; the cookie is deleted")
    @APIResponse(responseCode = "403", description = "forbidden: the X-CSRF-Token header is missing or wrong")
    public Response signOut() {
        String token = SessionCookie.token(request);
        Optional<BrowserSession> session = sessions.find(token);
        if (session.isPresent()
                && !BrowserSessions.csrfMatches(session.get(), request.getHeader(SessionCookie.CSRF_HEADER))) {
            return Problems.response(
                    ErrorCode.FORBIDDEN,
                    "Signing out needs the session's CSRF token in the " + SessionCookie.CSRF_HEADER + " header",
                    PATH);
        }
        sessions.close(token);
        return Response.noContent()
                .header("Set-Cookie", SessionCookie.clear(secure()))
                .build();
    }

    private boolean secure() {
        return secureCookie || request.isSecure();
    }
}

package org.splitcast.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.portal.api.problem.Problems;
import org.splitcast.registry.account.Caller;

/**
 * Authentication of every request: HTTP Basic (RFC 7617) over the application's accounts for API
 * clients, and the portal's session cookie for browsers (opened by {@code POST /api/session}, see
 * {@link BrowserSessions}). A Basic header wins over a cookie. A cookie-authenticated request with
 * an unsafe method must carry the session's CSRF token in {@value SessionCookie#CSRF_HEADER}, or
 * it is refused with 403. A missing or wrong credential on a protected path gets 401 with a
 * {@code WWW-Authenticate} challenge ({@code Basic}, except for the portal's own requests, marked
 * {@code X-Requested-With}, which get a {@code Session} challenge so that the browser shows no
 * password pop-up); the body is the problem details that {@link ProblemErrorPage} writes for the
 * container's {@code sendError}. Requests to unprotected paths without credentials pass through
 * anonymously. Password checks go through {@link LoginGuard} (cache first, then failure throttling
 * and a bound on concurrent checks: 429 with {@code Retry-After}). Use it over TLS only (README: production).
 */
@ApplicationScoped
public class ProblemBasicAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ProblemBasicAuthenticationMechanism.class);
    static final String CHALLENGE = Problems.BASIC_CHALLENGE;
    /** The challenge for the portal's requests: sign in through the form, no Basic pop-up. */
    static final String SESSION_CHALLENGE = Problems.SESSION_CHALLENGE;
    /** The session endpoint manages its cookie itself (sign-in must work with a stale cookie). */
    static final String SESSION_PATH = "/api/session";

    private static final int MAX_HEADER = 1024;

    @Inject
    LoginGuard guard;

    @Inject
    BrowserSessions sessions;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Internal error %s while authenticating on %s", errorId, request.getRequestURI());
            request.setAttribute(ProblemErrorPage.ERROR_ID, errorId);
            request.setAttribute(
                    ProblemErrorPage.DETAIL, "The server failed to check the credentials; quote error id " + errorId);
            return sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    private AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header);
            if (credential == null) {
                return unauthorized(request, response, context, "Malformed HTTP Basic credentials");
            }
            Optional<Caller> caller;
            try {
                caller = guard.authenticate(
                        credential.getCaller(), credential.getPassword().getValue(), request.getRemoteAddr());
            } catch (LoginGuard.Throttled e) {
                return throttled(request, response, e);
            } finally {
                credential.getPassword().clear();
            }
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(
                        caller.get().username(), Set.of(caller.get().role().roleName()));
            }
            return unauthorized(request, response, context, "Unknown username or wrong password");
        }
        String token = SessionCookie.token(request);
        if (token != null && !SESSION_PATH.equals(request.getRequestURI())) {
            Optional<BrowserSession> session = sessions.find(token);
            if (session.isPresent()) {
                if (!SessionCookie.isSafe(request.getMethod())
                        && !BrowserSessions.csrfMatches(session.get(), request.getHeader(SessionCookie.CSRF_HEADER))) {
                    return forbidden(
                            request,
                            response,
                            "A signed-in browser must send its session's CSRF token in the " + SessionCookie.CSRF_HEADER
                                    + " header on this request");
                }
                Caller caller = session.get().caller();
                return context.notifyContainerAboutLogin(
                        caller.username(), Set.of(caller.role().roleName()));
            }
            if (context.isProtected()) {
                return unauthorized(request, response, context, "Your session has ended: sign in again");
            }
        }
        if (context.isProtected()) {
            return unauthorized(request, response, context, "This resource needs credentials (HTTP Basic)");
        }
        return context.doNothing();
    }

    private static AuthenticationStatus throttled(
            HttpServletRequest request, HttpServletResponse response, LoginGuard.Throttled e) {
        LOG.debugf("429 on %s: %s", request.getRequestURI(), e.getMessage());
        request.setAttribute(ProblemErrorPage.DETAIL, e.getMessage());
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return sendError(response, 429);
    }

    private static AuthenticationStatus forbidden(
            HttpServletRequest request, HttpServletResponse response, String detail) {
        LOG.debugf("403 on %s: %s", request.getRequestURI(), detail);
        request.setAttribute(ProblemErrorPage.DETAIL, detail);
        return sendError(response, HttpServletResponse.SC_FORBIDDEN);
    }

    private static UsernamePasswordCredential decode(String header) {
        if (header.length() > MAX_HEADER) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String detail) {
        LOG.debugf("401 on %s: %s", request.getRequestURI(), detail);
        request.setAttribute(ProblemErrorPage.DETAIL, detail);
        response.setHeader(
                "WWW-Authenticate", request.getHeader("X-Requested-With") == null ? CHALLENGE : SESSION_CHALLENGE);
        return sendError(response, HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** The container's error dispatch (to {@link ProblemErrorPage}) writes the body. */
    private static AuthenticationStatus sendError(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            LOG.debugf("could not send %d: %s", status, e.getMessage());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}

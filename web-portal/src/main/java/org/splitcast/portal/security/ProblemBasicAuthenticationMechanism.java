package org.splitcast.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.problem.Problem;
import org.splitcast.portal.api.problem.Problems;

/**
 * HTTP Basic authentication (RFC 7617) that answers a missing or wrong credential with 401, a
 * {@code WWW-Authenticate} challenge and an RFC 9457 problem body — like every other error of the
 * API — rather than the container's HTML error page. Requests to unprotected paths without
 * credentials pass through anonymously. Use it over TLS only (README: production).
 */
@ApplicationScoped
public class ProblemBasicAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ProblemBasicAuthenticationMechanism.class);
    static final String CHALLENGE = "Basic realm=\"splitcast\", charset=\"UTF-8\"";
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    private static final int MAX_HEADER = 1024;

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Internal error %s while authenticating on %s", errorId, request.getRequestURI());
            write(
                    response,
                    HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    Problems.problem(
                            ErrorCode.INTERNAL,
                            "The server failed to check the credentials; quote error id " + errorId,
                            request.getRequestURI(),
                            null,
                            errorId));
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header);
            if (credential == null) {
                return unauthorized(request, response, "Malformed HTTP Basic credentials");
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, "Unknown username or wrong password");
        }
        if (context.isProtected()) {
            return unauthorized(request, response, "This resource needs credentials (HTTP Basic)");
        }
        return context.doNothing();
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
            HttpServletRequest request, HttpServletResponse response, String detail) {
        LOG.debugf("401 on %s: %s", request.getRequestURI(), detail);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                Problems.problem(ErrorCode.UNAUTHENTICATED, detail, request.getRequestURI()));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void write(HttpServletResponse response, int status, Problem problem) {
        try {
            response.setStatus(status);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSONB.toJson(problem));
            response.flushBuffer();
        } catch (IOException e) {
            LOG.debugf("could not write the %d response: %s", status, e.getMessage());
        }
    }
}

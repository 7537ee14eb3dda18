package org.splitcast.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * The unguarded probe's authentication: the caller is whoever the header {@code X-Probe-As: <username>
 * <role>} names (no header: nobody). Test-only: it lets {@link UnguardedProbeServlet} call the services
 * as any account without a boundary of ours in between.
 */
@ApplicationScoped
public class ProbeAsAuthentication implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Probe-As";

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String as = request.getHeader(HEADER);
        if (as == null || as.isBlank()) {
            return context.doNothing();
        }
        String[] userAndRole = as.strip().split(" ", 2);
        return context.notifyContainerAboutLogin(userAndRole[0], Set.of(userAndRole[1]));
    }
}

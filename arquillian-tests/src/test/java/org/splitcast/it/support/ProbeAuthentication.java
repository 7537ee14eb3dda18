package org.splitcast.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The rollback probe's own authentication mechanism: nobody is authenticated (the probe runs as the
 * operator through {@code @RunAs}). The EAR uses Jakarta Security, so each of its web modules needs
 * a mechanism it can see; the portal's is not visible from the probe's module.
 */
@ApplicationScoped
public class ProbeAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        return context.doNothing();
    }
}

package org.splitcast.portal.api.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** A service's role check ({@code @RolesAllowed} on the EJB) refused the caller: 403, as SOAP's fault;
 * an anonymous caller gets 401 with a challenge instead. */
@Provider
public class EjbAccessExceptionMapper implements ExceptionMapper<EJBAccessException> {

    private static final Logger LOG = Logger.getLogger(EjbAccessExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(EJBAccessException e) {
        LOG.debugf("forbidden by a service's role check: %s", e.getMessage());
        return Problems.refused(security, headers, RequestPath.of(uriInfo));
    }
}

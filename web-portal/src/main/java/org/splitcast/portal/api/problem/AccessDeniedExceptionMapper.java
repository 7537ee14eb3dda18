package org.splitcast.portal.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;

/** 403 for someone else's data. */
@Provider
public class AccessDeniedExceptionMapper implements ExceptionMapper<AccessDeniedException> {

    private static final Logger LOG = Logger.getLogger(AccessDeniedExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(AccessDeniedException e) {
        LOG.debugf("forbidden: %s", e.getMessage());
        return Problems.response(ErrorCode.FORBIDDEN, e.getMessage(), RequestPath.of(uriInfo));
    }
}

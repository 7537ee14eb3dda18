package org.splitcast.portal.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.splitcast.error.SplitcastException;

/** Business failures: their own code and message. */
@Provider
public class SplitcastExceptionMapper implements ExceptionMapper<SplitcastException> {

    private static final Logger LOG = Logger.getLogger(SplitcastExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(SplitcastException e) {
        LOG.debugf("%s: %s", e.code().slug(), e.getMessage());
        return Problems.business(e, RequestPath.of(uriInfo));
    }
}

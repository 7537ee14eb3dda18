package org.splitcast.portal.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.splitcast.error.SplitcastException;

/**
 * Business failures: their own code and message. A 401 of a live session proof (docs/live.md §1)
 * names the scheme that authenticates there: {@code WWW-Authenticate: Splitcast-Proof}.
 */
@Provider
public class SplitcastExceptionMapper implements ExceptionMapper<SplitcastException> {

    private static final Logger LOG = Logger.getLogger(SplitcastExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(SplitcastException e) {
        LOG.debugf("%s: %s", e.code().slug(), e.getMessage());
        Response response = Problems.business(e, RequestPath.of(uriInfo));
        if (e.code().status() == 401) {
            return Response.fromResponse(response)
                    .header("WWW-Authenticate", "Splitcast-Proof realm=\"splitcast\"")
                    .build();
        }
        return response;
    }
}

package org.splitcast.portal.api.json;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.splitcast.portal.api.problem.Problems;

/** A body the strict reading refused: its code (400 or 413), detail and field errors as a problem. */
@Provider
public class JsonBodyExceptionMapper implements ExceptionMapper<JsonBodyException> {

    private static final Logger LOG = Logger.getLogger(JsonBodyExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonBodyException e) {
        return response(e, uriInfo);
    }

    /** {@code e} or its first cause that is a {@link JsonBodyException}; null if none is. */
    public static JsonBodyException find(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof JsonBodyException body) {
                return body;
            }
        }
        return null;
    }

    public static Response response(JsonBodyException e, UriInfo uriInfo) {
        LOG.debugf("request body refused: %s %s", e.code().slug(), e.detail());
        String path;
        try {
            path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outside) {
            path = null;
        }
        return Problems.response(Problems.problem(e.code(), e.detail(), path, e.errors(), null));
    }
}

package org.splitcast.portal.api.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;

/**
 * The catch-all: unwraps what the EJB container wrapped (validation, access, concurrent update),
 * and answers anything else with 500 and an error id, logging the cause under that id at ERROR.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return ConstraintViolationExceptionMapper.response(violation, uriInfo);
            }
            if (t instanceof SplitcastException business) {
                return Problems.business(business, RequestPath.of(uriInfo));
            }
            if (t instanceof EJBAccessException) {
                return Problems.response(ErrorCode.FORBIDDEN, "Your role may not do this", RequestPath.of(uriInfo));
            }
            if (t instanceof OptimisticLockException) {
                return Problems.response(
                        ErrorCode.CONFLICT,
                        "Changed by someone else meanwhile: read it again and retry",
                        RequestPath.of(uriInfo));
            }
            if (!(t instanceof EJBException)) {
                break;
            }
        }
        return internalError(e, uriInfo);
    }

    static Response internalError(Throwable e, UriInfo uriInfo) {
        String errorId = UUID.randomUUID().toString();
        String path = RequestPath.of(uriInfo);
        LOG.errorf(e, "Internal error %s on %s", errorId, path);
        return Problems.response(Problems.problem(
                ErrorCode.INTERNAL,
                "The server failed to handle this request; quote error id " + errorId,
                path,
                null,
                errorId));
    }
}

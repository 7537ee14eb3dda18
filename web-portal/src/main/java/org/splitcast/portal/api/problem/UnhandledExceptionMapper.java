package org.splitcast.portal.api.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;
import org.splitcast.portal.api.json.JsonBodyException;
import org.splitcast.portal.api.json.JsonBodyExceptionMapper;

/**
 * The catch-all: unwraps what the EJB container wrapped (validation, access, concurrent update, a
 * unique key violated by a concurrent creation), and answers anything else with 500 and an error id, logging the cause under that id at ERROR.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        JsonBodyException body = JsonBodyExceptionMapper.find(e);
        if (body != null) {
            return JsonBodyExceptionMapper.response(body, uriInfo);
        }
        Response conflict = uniqueKeyConflict(e, uriInfo);
        if (conflict != null) {
            return conflict;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return ConstraintViolationExceptionMapper.response(violation, uriInfo);
            }
            if (t instanceof SplitcastException business) {
                return Problems.business(business, RequestPath.of(uriInfo));
            }
            if (t instanceof EJBAccessException) {
                return Problems.refused(security, headers, RequestPath.of(uriInfo));
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

    /**
     * The one mapping of persistence conflicts: a unique or primary key violated at insert or
     * commit (SQLState 23505, H2 and PostgreSQL alike, or 23503, a parent row removed meanwhile: two requests created the same id at
     * once, and the check before the insert could not see the other's uncommitted row) is 409
     * {@code conflict}, as the check itself answers; null when {@code e} is no such violation.
     */
    public static Response uniqueKeyConflict(Throwable e, UriInfo uriInfo) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException sql && isIntegrityViolation(sql)) {
                LOG.debugf("integrity constraint violated (SQLState %s): %s", sql.getSQLState(), sql.getMessage());
                return Problems.response(
                        ErrorCode.CONFLICT,
                        "It already exists, or it was created or changed by another request at the same moment:"
                                + " read it again and retry",
                        RequestPath.of(uriInfo));
            }
        }
        return null;
    }

    private static boolean isIntegrityViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            // 23505 unique violation; 23503 foreign key (its parent deleted by a concurrent request)
            if ("23505".equals(s.getSQLState()) || "23503".equals(s.getSQLState())) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return false;
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

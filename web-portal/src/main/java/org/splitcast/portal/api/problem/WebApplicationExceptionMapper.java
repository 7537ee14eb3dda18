package org.splitcast.portal.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.json.JsonBodyException;
import org.splitcast.portal.api.json.JsonBodyExceptionMapper;

/**
 * What JAX-RS itself rejects (no such path, wrong method, unsupported media type, an unreadable
 * parameter, a role that does not fit): a problem with a fixed, safe detail — the framework's own
 * messages name internal classes.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        JsonBodyException body = JsonBodyExceptionMapper.find(e);
        if (body != null) {
            return JsonBodyExceptionMapper.response(body, uriInfo);
        }
        Response conflict = UnhandledExceptionMapper.uniqueKeyConflict(e, uriInfo);
        if (conflict != null) {
            return conflict;
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 403) {
            return Problems.refused(security, headers, RequestPath.of(uriInfo));
        }
        if (status >= 500) {
            return UnhandledExceptionMapper.internalError(e, uriInfo);
        }
        if (e.getCause() instanceof jakarta.json.bind.JsonbException
                || e.getCause() instanceof jakarta.ws.rs.ProcessingException) {
            return ProcessingExceptionMapper.malformed(e.getCause(), uriInfo);
        }
        ErrorCode code;
        String detail;
        switch (status) {
            case 401 -> {
                code = ErrorCode.UNAUTHENTICATED;
                detail = "Send valid credentials (HTTP Basic)";
            }
            case 403 -> {
                code = ErrorCode.FORBIDDEN;
                detail = "Your role may not do this";
            }
            case 404 -> {
                // JAX-RS answers 404 for a path or query parameter it cannot convert (a cause is
                // attached then); that is the client's malformed request, not a missing resource
                code = e.getCause() == null ? ErrorCode.NOT_FOUND : ErrorCode.MALFORMED_REQUEST;
                detail = e.getCause() == null
                        ? "No such resource"
                        : "A parameter of the request is not of the expected type";
                status = e.getCause() == null ? 404 : 400;
            }
            case 405 -> {
                code = ErrorCode.METHOD_NOT_ALLOWED;
                detail = "This resource does not support " + requestMethod();
            }
            case 406 -> {
                code = ErrorCode.NOT_ACCEPTABLE;
                detail = "This resource cannot produce the media type asked for";
            }
            case 415 -> {
                code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                detail = "Send application/json";
            }
            default -> {
                code = ErrorCode.MALFORMED_REQUEST;
                detail = "The request cannot be read: check its parameters and body";
            }
        }
        LOG.debugf("%d %s: %s", status, code.slug(), e.getMessage());
        Problem problem = new Problem(
                code.type(), code.title(), status, detail, RequestPath.of(uriInfo), code.slug(), null, null);
        Response.ResponseBuilder response = Response.fromResponse(Problems.response(problem));
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    private String requestMethod() {
        return request == null ? "this method" : request.getMethod();
    }
}

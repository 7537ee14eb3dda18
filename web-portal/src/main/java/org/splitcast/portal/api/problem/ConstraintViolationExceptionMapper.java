package org.splitcast.portal.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;

/**
 * Bean Validation failures of a request: 400 with one entry per field. A violated constraint on a
 * return value is the server's fault and is left to {@link UnhandledExceptionMapper}.
 */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Logger LOG = Logger.getLogger(ConstraintViolationExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return response(e, uriInfo);
    }

    static Response response(ConstraintViolationException e, UriInfo uriInfo) {
        if (e.getConstraintViolations().stream().anyMatch(ConstraintViolationExceptionMapper::onReturnValue)) {
            return UnhandledExceptionMapper.internalError(e, uriInfo);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        LOG.debugf("validation failed: %s", errors);
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problems.response(Problems.problem(ErrorCode.VALIDATION, detail, RequestPath.of(uriInfo), errors, null));
    }

    private static boolean onReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.demographics.country} → {@code demographics.country}; a query parameter keeps its name. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
                case PARAMETER -> parameter = node.getName();
                default -> {
                    boolean element = node.getKind() == ElementKind.CONTAINER_ELEMENT;
                    if (node.getName() != null && !(element && node.getName().startsWith("<"))) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }
}

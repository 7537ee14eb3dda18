package org.splitcast.portal.api.json;

import java.util.List;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.problem.Problem;

/**
 * A request body that the strict reading refused: {@link ErrorCode#MALFORMED_REQUEST} (not one
 * JSON value, or a value of the wrong JSON type), {@link ErrorCode#VALIDATION} (a value outside
 * an enumeration) or {@link ErrorCode#PAYLOAD_TOO_LARGE}. Its detail and errors name fields of
 * the API, never a Java class. JAX-RS may wrap it (its reader exceptions): every exception mapper
 * looks for it among the causes ({@link JsonBodyExceptionMapper#find}).
 */
public class JsonBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final String detail;
    private final transient List<Problem.FieldError> errors;

    public JsonBodyException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.code = code;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The fields in error, or null. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}

package org.splitcast.portal.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details object.
 *
 * @param type the stable error type, {@code https://splitcast.org/problems/<code>}
 * @param title the short, fixed summary of the type
 * @param status the HTTP status
 * @param detail what went wrong this time, for a human
 * @param instance the request path
 * @param code the last segment of {@code type}, for clients that prefer a short string
 * @param errors for validation problems: each field in error and why
 * @param errorId for server errors: the id under which the server logged the cause
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors", "errorId"})
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        String errorId) {

    /** One field that failed validation. */
    public record FieldError(String field, String message) {}
}

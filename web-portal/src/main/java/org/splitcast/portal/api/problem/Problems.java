package org.splitcast.portal.api.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.SplitcastException;

/** Builds problem responses; knows the HTTP status of each {@link ErrorCode}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {}

    public static int status(ErrorCode code) {
        return code.status();
    }

    public static Problem problem(ErrorCode code, String detail, String instance) {
        return problem(code, detail, instance, null, null);
    }

    public static Problem problem(
            ErrorCode code, String detail, String instance, List<Problem.FieldError> errors, String errorId) {
        return new Problem(code.type(), code.title(), status(code), detail, instance, code.slug(), errors, errorId);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(PROBLEM_JSON)
                .entity(problem)
                .build();
    }

    /**
     * A business failure: its code and message; a validation problem always with {@code errors[]}
     * (the field the service named, or {@code request}), as Bean Validation's.
     */
    public static Response business(SplitcastException e, String instance) {
        List<Problem.FieldError> errors = null;
        if (e.code() == ErrorCode.VALIDATION) {
            errors = e instanceof InvalidRequestException invalid
                    ? List.of(new Problem.FieldError(invalid.field(), invalid.rule()))
                    : List.of(new Problem.FieldError(InvalidRequestException.WHOLE_REQUEST, e.getMessage()));
        }
        return response(problem(e.code(), e.getMessage(), instance, errors, null));
    }

    public static Response response(ErrorCode code, String detail, String instance) {
        return response(problem(code, detail, instance));
    }
}

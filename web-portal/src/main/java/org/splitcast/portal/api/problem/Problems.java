package org.splitcast.portal.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.SplitcastException;
import org.splitcast.portal.api.RequestLimits;

/** Builds problem responses; knows the HTTP status of each {@link ErrorCode}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** The challenge of a 401 (RFC 7617). */
    public static final String BASIC_CHALLENGE = "Basic realm=\"splitcast\", charset=\"UTF-8\"";
    /** The challenge of a 401 to the portal's own requests: sign in through the form, no pop-up. */
    public static final String SESSION_CHALLENGE = "Session realm=\"splitcast\"";

    private static final int MAX_TEXT = 1000;
    private static final Pattern QUOTED = Pattern.compile("'([^']{" + (RequestLimits.MAX_ECHO + 1) + ",})'");

    private Problems() {}

    public static int status(ErrorCode code) {
        return code.status();
    }

    public static Problem problem(ErrorCode code, String detail, String instance) {
        return problem(code, detail, instance, null, null);
    }

    public static Problem problem(
            ErrorCode code, String detail, String instance, List<Problem.FieldError> errors, String errorId) {
        return new Problem(
                code.type(),
                code.title(),
                status(code),
                bounded(detail),
                bounded(instance),
                code.slug(),
                errors,
                errorId);
    }

    /**
     * A problem's text bounded: each quoted value ({@code 'an id'}) shortened to {@value
     * RequestLimits#MAX_ECHO} characters, the whole to {@value #MAX_TEXT}.
     */
    public static String bounded(String text) {
        if (text == null || text.length() <= RequestLimits.MAX_ECHO) {
            return text;
        }
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(out, Matcher.quoteReplacement("'" + RequestLimits.echo(quoted.group(1)) + "'"));
        }
        quoted.appendTail(out);
        String result = out.toString();
        return result.length() <= MAX_TEXT ? result : result.substring(0, MAX_TEXT) + "…";
    }

    /**
     * A role check that refused the caller: 403 {@code forbidden} for a known caller, 401 {@code
     * unauthenticated} with a challenge for an anonymous one (credentials would help).
     */
    public static Response refused(SecurityContext security, HttpHeaders headers, String instance) {
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        if (!anonymous) {
            return response(ErrorCode.FORBIDDEN, "Your role may not do this", instance);
        }
        boolean portal = headers != null && headers.getHeaderString("X-Requested-With") != null;
        return Response.fromResponse(
                        response(ErrorCode.UNAUTHENTICATED, "This resource needs credentials (HTTP Basic)", instance))
                .header(HttpHeaders.WWW_AUTHENTICATE, portal ? SESSION_CHALLENGE : BASIC_CHALLENGE)
                .build();
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

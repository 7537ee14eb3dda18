package org.splitcast.portal.security;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.problem.Problem;
import org.splitcast.portal.api.problem.Problems;

/**
 * The error page of the web module (web.xml): what the container itself answers — a 401 from
 * {@link ProblemBasicAuthenticationMechanism}, a 404 outside the API, a failure before the
 * application is reached — becomes a problem details body like every other error, and never the
 * container's HTML page with a stack trace. Outside {@code /api} a browser gets a plain page.
 */
@WebServlet(ProblemErrorPage.PATH)
public class ProblemErrorPage extends HttpServlet {

    static final String PATH = "/error/problem";
    /** Request attribute with a detail for the problem, set by whoever calls {@code sendError}. */
    public static final String DETAIL = ProblemErrorPage.class.getName() + ".detail";
    /** Request attribute with the error id of a logged server error. */
    public static final String ERROR_ID = ProblemErrorPage.class.getName() + ".errorId";

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorCode error = codeOf(status);
        String detail = (String) request.getAttribute(DETAIL);
        if (detail == null) {
            detail = defaultDetail(error);
        }
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (uri != null && (uri.equals("/api") || uri.startsWith("/api/"))) {
            Problem problem = new Problem(error.type(), error.title(), status, detail, uri, error.slug(), null, (String)
                    request.getAttribute(ERROR_ID));
            response.setContentType(Problems.MEDIA_TYPE);
            response.getWriter().write(JSONB.toJson(problem));
        } else if (uri != null && uri.startsWith("/ws/")) {
            // a SOAP client gets a SOAP 1.1 fault with the same code as a REST problem
            response.setContentType("text/xml");
            response.getWriter().write(SoapFaults.envelope(error, detail));
        } else {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html><head><title>" + status + " " + error.title() + "</title></head>"
                            + "<body><h1>" + status + " " + error.title() + "</h1><p><a href=\"/\">splitcast</a></p>"
                            + "</body></html>");
        }
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_LOGIN_ATTEMPTS;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
    }

    private static String defaultDetail(ErrorCode error) {
        return switch (error) {
            case UNAUTHENTICATED -> "This resource needs credentials (HTTP Basic)";
            case FORBIDDEN -> "Your role may not do this";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This resource does not support this method";
            case INTERNAL -> "The server failed to handle this request";
            default -> "The request cannot be handled";
        };
    }
}

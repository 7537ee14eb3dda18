package org.splitcast.portal.media;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.problem.Problem;
import org.splitcast.portal.api.problem.Problems;

/** The problem responses of the media servlets (outside JAX-RS, so outside its exception mappers). */
final class ServletProblems {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private ServletProblems() {}

    /** Writes the problem of {@code code} with {@code detail}; the request's path (at most 300 characters) as its instance. */
    static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        String instance = request.getRequestURI();
        response.getWriter()
                .write(JSONB.toJson(new Problem(
                        code.type(),
                        code.title(),
                        code.status(),
                        detail,
                        instance.length() > 300 ? instance.substring(0, 300) : instance,
                        code.slug(),
                        null,
                        null)));
    }
}

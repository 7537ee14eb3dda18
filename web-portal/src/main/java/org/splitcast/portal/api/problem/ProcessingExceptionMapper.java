package org.splitcast.portal.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.json.JsonBodyException;
import org.splitcast.portal.api.json.JsonBodyExceptionMapper;

/** A body that is not JSON, or not JSON of the expected shape: 400 malformed-request. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(ProcessingExceptionMapper.class);
    /** {@code org.splitcast.registry.subscriber.NewSubscriber} → {@code NewSubscriber} in messages shown to clients. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    private static final int MAX_DETAIL = 300;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException e) {
        return malformed(e, uriInfo);
    }

    static Response malformed(Throwable e, UriInfo uriInfo) {
        JsonBodyException body = JsonBodyExceptionMapper.find(e);
        if (body != null) {
            return JsonBodyExceptionMapper.response(body, uriInfo);
        }
        LOG.debugf("malformed request body: %s", e.getMessage());
        return Problems.response(
                ErrorCode.MALFORMED_REQUEST,
                "The request body is not valid JSON of the expected shape" + reason(e),
                RequestPath.of(uriInfo));
    }

    /** The innermost message, first line only, without package names, bounded in length. */
    public static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return "";
        }
        message = message.lines().findFirst().orElse("").strip();
        message = message.replaceFirst("^RESTEASY\\d+: ", "");
        message = QUALIFIED_NAME.matcher(message).replaceAll("$1").replace("class class ", "class ");
        if (message.length() > MAX_DETAIL) {
            message = message.substring(0, MAX_DETAIL) + "…";
        }
        return message.isEmpty() ? "" : ": " + message;
    }
}

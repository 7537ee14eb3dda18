package org.splitcast.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;

/**
 * {@link RequestLimits} at the door of {@code /api} and {@code /ws}: a declared {@code
 * Content-Length} over the limit is answered 413 at once (problem+json, or a SOAP fault on {@code
 * /ws}); a body without one is counted as it is read and its reader fails past the limit.
 */
@WebFilter(
        urlPatterns = {"/api/*", "/ws/*"},
        asyncSupported = true)
public class RequestLimitsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestLimitsFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (RequestLimits.isMediaUpload(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        int max = RequestLimits.maxJsonBytes();
        long length = request.getContentLengthLong();
        if (length > max) {
            LOG.debugf("413 on %s: Content-Length %d", request.getRequestURI(), length);
            refuse(request, response, max);
            return;
        }
        chain.doFilter(length >= 0 ? request : new Bounded(request, max), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int max) throws IOException {
        ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
        String detail = RequestLimits.tooLargeDetail(max);
        response.setStatus(code.status());
        response.setHeader("Connection", "close"); // the unread body is not drained
        byte[] body;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/ws")) {
            response.setContentType("text/xml;charset=UTF-8");
            body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                            + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + code.title() + ": "
                            + detail + "</faultstring><detail><problem xmlns=\"urn:splitcast:license:1\"><code>"
                            + code.slug() + "</code><type>" + code.type() + "</type><title>" + code.title()
                            + "</title><status>" + code.status() + "</status><detail>" + detail
                            + "</detail></problem></detail></soap:Fault></soap:Body></soap:Envelope>")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("application/problem+json");
            body = ("{\"type\":\"" + code.type() + "\",\"title\":\"" + code.title() + "\",\"status\":" + code.status()
                            + ",\"detail\":\"" + detail + "\",\"instance\":\""
                            + jsonEscape(RequestLimits.echo(request.getRequestURI())) + "\",\"code\":\"" + code.slug()
                            + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The body of a request without Content-Length, failing once more than {@code max} bytes were read. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final int max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, int max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            counted(n);
                        }
                        return n;
                    }

                    private void counted(int n) throws IOException {
                        count += n;
                        if (count > max) {
                            throw new RequestLimits.TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

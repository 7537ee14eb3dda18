package org.splitcast.portal.ws;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;

/**
 * Faults that the SOAP stack writes itself, before the endpoint (an envelope that is not
 * well-formed XML, an unknown operation), say what went wrong in the words of its parser, with
 * the parser's class names ({@code com.ctc.wstx.exc.WstxLazyException: ...}). This filter keeps
 * the service's own faults (they carry a {@code problem} in {@link LicenseService#NAMESPACE}) as
 * they are and rewrites any other into one of the same form: {@code soap:Client}, {@code
 * malformed-request}, its detail the parser's first line without class or package names.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class SoapFaultFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SoapFaultFilter.class);
    private static final Pattern FAULT_STRING =
            Pattern.compile("<faultstring[^>]*>(.*?)</faultstring>", Pattern.DOTALL);
    /** {@code com.ctc.wstx.exc.WstxLazyException: } and other qualified Java names. */
    private static final Pattern JAVA_NAME =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    private static final int MAX_DETAIL = 300;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Buffered buffered = new Buffered(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.bytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.contains("Fault>") && !isOurs(text)) {
            String detail = detail(text);
            LOG.debugf("SOAP fault of the stack rewritten: %s", detail);
            body = envelope(ErrorCode.MALFORMED_REQUEST, detail).getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/xml;charset=UTF-8");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean isOurs(String text) {
        return text.contains("<problem xmlns=\"" + LicenseService.NAMESPACE + "\"")
                || (text.contains(LicenseService.NAMESPACE) && text.contains(":code>"));
    }

    static String detail(String fault) {
        Matcher m = FAULT_STRING.matcher(fault);
        String reason = m.find() ? unescape(m.group(1)) : "";
        reason = reason.lines().findFirst().orElse("").strip();
        reason = JAVA_NAME.matcher(reason).replaceAll("").strip();
        reason = reason.replaceFirst("^\\[[^\\]]*\\]\\s*", ""); // the parser's location, often empty
        if (reason.length() > MAX_DETAIL) {
            reason = reason.substring(0, MAX_DETAIL) + "…";
        }
        return "The request is not a well-formed SOAP message of this service"
                + (reason.isEmpty() ? "" : ": " + reason);
    }

    static String envelope(ErrorCode code, String detail) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode>"
                + "<faultstring>" + escape(code.title() + ": " + detail) + "</faultstring>"
                + "<detail><problem xmlns=\"" + LicenseService.NAMESPACE + "\"><code>" + code.slug() + "</code>"
                + "<type>" + code.type() + "</type><title>" + escape(code.title()) + "</title>"
                + "<status>" + code.status() + "</status><detail>" + escape(detail) + "</detail></problem></detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /** The response kept in memory (SOAP answers are small) until the filter has looked at it. */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("not asynchronous");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void flushBuffer() {}

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }
    }
}

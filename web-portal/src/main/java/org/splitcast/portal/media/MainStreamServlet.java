package org.splitcast.portal.media;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;
import org.splitcast.session.delivery.MediaContent;
import org.splitcast.session.delivery.MediaDelivery;

/**
 * {@code GET|HEAD /media/{contentId}/main.ts}: a content's public main stream, streamed from the
 * media store a block at a time (never read whole). One byte range per request ({@code Range:
 * bytes=N-M}, {@code N-}, {@code -SUFFIX}) gives 206, an unsatisfiable one 416; {@code If-Range}
 * and {@code If-None-Match} use the strong ETag, which changes whenever the stream does (a
 * re-ingest). Public and cacheable: without the complementary information it cannot be watched.
 */
@WebServlet("/media/*")
public class MainStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MainStreamServlet.class);
    private static final Pattern PATH = Pattern.compile("/([^/]{1,256})/main\\.ts");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int BLOCK = 1 << 16;
    static final String MEDIA_TYPE = "video/mp2t";

    @EJB
    MediaDelivery delivery;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!path.matches()) {
            ServletProblems.write(
                    request, response, ErrorCode.NOT_FOUND, "Main streams are at /media/{contentId}/main.ts");
            return;
        }
        String contentId = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        MediaContent media;
        try {
            media = delivery.mainStream(contentId);
        } catch (SplitcastException e) {
            ServletProblems.write(request, response, e.code(), e.getMessage());
            return;
        }
        long length = media.length();
        String etag = media.etag();
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", etag);
        response.setHeader(
                "Last-Modified", HTTP_DATE.format(media.lastModified().truncatedTo(ChronoUnit.SECONDS)));
        response.setHeader("Cache-Control", "public, max-age=3600");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals("*") || ifNoneMatch.contains(etag))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long first = 0;
        long last = length - 1;
        String range = request.getHeader("Range");
        String ifRange = request.getHeader("If-Range");
        boolean partial = range != null && (ifRange == null || ifRange.equals(etag));
        if (partial) {
            Matcher r = RANGE.matcher(range.strip());
            if (!r.matches() || (r.group(1).isEmpty() && r.group(2).isEmpty())) {
                // a multi-range or unknown unit: the whole stream, as RFC 9110 allows
                partial = false;
            } else if (r.group(1).isEmpty()) {
                long suffix = Long.parseLong(r.group(2));
                first = Math.max(0, length - suffix);
                if (suffix == 0) {
                    unsatisfiable(response, length);
                    return;
                }
            } else {
                first = Long.parseLong(r.group(1));
                if (!r.group(2).isEmpty()) {
                    last = Math.min(Long.parseLong(r.group(2)), length - 1);
                    if (last < first && first < length) {
                        partial = false; // an invalid range is ignored
                        first = 0;
                        last = length - 1;
                    }
                }
                if (partial && first >= length) {
                    unsatisfiable(response, length);
                    return;
                }
            }
        }
        long count = last - first + 1;
        response.setContentType(MEDIA_TYPE);
        response.setContentLengthLong(Math.max(0, count));
        if (partial) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + length);
        }
        if (!body || count <= 0) {
            return;
        }
        try (SeekableByteChannel in = media.open()) {
            in.position(first);
            OutputStream out = response.getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            long left = count;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(BLOCK, left));
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("main stream of " + contentId + " ended early");
                }
                out.write(buffer.array(), 0, n);
                left -= n;
            }
        } catch (IOException e) {
            // the client went away, or the file did: the response is cut short, as it must be
            LOG.debugf("main stream of %s: transfer stopped: %s", contentId, e.getMessage());
        }
    }

    private static void unsatisfiable(HttpServletResponse response, long length) {
        response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        response.setHeader("Content-Range", "bytes */" + length);
        response.setContentLengthLong(0);
    }
}

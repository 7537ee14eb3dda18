package org.splitcast.portal.media;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;
import org.splitcast.session.live.LiveService;

/**
 * {@code GET /live/{groupId}/main/{chunkSeq}}: the public main-stream bytes of one chunk of a live
 * channel, from its sliding window (docs/live.md §6); 404 {@code not-found} once the chunk has left
 * the window. Public and cacheable: without the complementary information it cannot be watched.
 */
@WebServlet("/live/*")
public class LiveMainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([^/]{1,128})/main/(\\d{1,18})");

    @EJB
    LiveService live;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!path.matches()) {
            ServletProblems.write(
                    request, response, ErrorCode.NOT_FOUND, "Live main-stream chunks are at /live/{group}/main/{seq}");
            return;
        }
        String groupId = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        byte[] range;
        try {
            range = live.mainRange(groupId, Long.parseLong(path.group(2)));
        } catch (SplitcastException e) {
            ServletProblems.write(request, response, e.code(), e.getMessage());
            return;
        }
        response.setStatus(200);
        response.setContentType("video/mp2t");
        response.setContentLength(range.length);
        // chunk numbers start again when a channel is reopened: never cached for long
        response.setHeader("Cache-Control", "public, max-age=10");
        response.getOutputStream().write(range);
    }
}

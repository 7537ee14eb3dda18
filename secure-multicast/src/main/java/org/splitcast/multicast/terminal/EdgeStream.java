package org.splitcast.multicast.terminal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.wire.MalformedMessageException;

/**
 * A terminal's connection to its edge node (docs/live.md §5.2): {@code GET
 * {edge}/v1/groups/{groupId}/frames?after={seq}} with {@code Authorization: Splitcast-Ticket
 * <ticket>}, answered with a chunked stream of {@code u32 length || frame}. A read that sees no
 * byte for {@code readTimeout} (the edge sends a heartbeat every second) fails, so a dead edge is
 * noticed.
 */
public final class EdgeStream implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.splitcast.live-frames";

    private final HttpURLConnection connection;
    private final DataInputStream in;

    private EdgeStream(HttpURLConnection connection, InputStream in) {
        this.connection = connection;
        this.in = new DataInputStream(in);
    }

    /**
     * Opens the stream.
     *
     * @throws LiveApiException if the edge refuses (the status and its reason) or is unreachable
     */
    public static EdgeStream open(URI edge, String groupId, String ticket, long afterSeq, Duration readTimeout)
            throws LiveApiException {
        String base = edge.toString().endsWith("/") ? edge.toString() : edge + "/";
        URI uri = URI.create(base + "v1/groups/" + URLEncoder.encode(groupId, StandardCharsets.UTF_8) + "/frames"
                + (afterSeq >= 0 ? "?after=" + afterSeq : ""));
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout((int) readTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            c.setRequestProperty("Authorization", "Splitcast-Ticket " + ticket);
            int status = c.getResponseCode();
            if (status != 200) {
                String detail = "";
                InputStream err = c.getErrorStream();
                if (err != null) {
                    detail = new String(err.readNBytes(2048), StandardCharsets.UTF_8).strip();
                    err.close();
                }
                c.disconnect();
                throw new LiveApiException(
                        status, null, "the edge refused: HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
            }
            return new EdgeStream(c, c.getInputStream());
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            throw new LiveApiException(0, null, "cannot reach the edge " + edge + ": " + e.getMessage());
        }
    }

    /**
     * The next frame, or null at the end of the stream (the edge closed it).
     *
     * @throws IOException if the connection breaks or stays silent too long
     * @throws MalformedMessageException if the edge sent something that is not a frame
     */
    public LiveFrame next() throws IOException, MalformedMessageException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > LiveFrame.MAX_FRAME) {
            throw new MalformedMessageException("frame length " + length + " out of range");
        }
        byte[] frame = in.readNBytes(length);
        if (frame.length != length) {
            throw new EOFException("the edge stream ended inside a frame");
        }
        return LiveFrame.decode(frame);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connection.disconnect();
    }
}

package org.splitcast.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.relay.EdgeRelay;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.session.JoinTicket;

/**
 * The terminals' side of an edge node (docs/live.md §5.2), on the JDK's HTTP server:
 *
 * <pre>
 * GET /v1/groups/{groupId}/frames[?after=SEQ]     Authorization: Splitcast-Ticket &lt;join ticket&gt;
 *     200, chunked, application/vnd.splitcast.live-frames: u32 length || frame, repeated;
 *     a HEARTBEAT frame after each second without one; the response ends when the ticket expires.
 *     401 no or invalid ticket, 403 ticket for another group, 400 bad request, 503 too many readers
 * GET /v1/health     200 {"status":"up","subscriptions":{...}}
 * GET /v1/metrics    200 {"bytesReceived":{group: bytes}, "readers": n, "framesSent": n}
 * </pre>
 *
 * The ticket is checked with the central server's public live key only: nobody without a ticket
 * the server signed can make this edge subscribe to a group.
 */
public final class EdgeHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EdgeHttpServer.class.getName());
    static final String TICKET_SCHEME = "Splitcast-Ticket ";

    private final EdgeRelay relay;
    private final LiveVerifier verifier;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Semaphore readers;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong activeReaders = new AtomicLong();
    private volatile boolean stopping;

    public EdgeHttpServer(EdgeRelay relay, LiveVerifier verifier, Clock clock, InetSocketAddress bind, int maxReaders)
            throws IOException {
        this.relay = relay;
        this.verifier = verifier;
        this.clock = clock;
        this.readers = new Semaphore(maxReaders);
        this.server = HttpServer.create(bind, 128);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "splitcast-edge-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (!ex.getRequestMethod().equals("GET")) {
                text(ex, 405, "only GET");
                return;
            }
            String[] p = path.split("/");
            if (p.length == 5 && p[1].equals("v1") && p[2].equals("groups") && p[4].equals("frames")) {
                frames(ex, URLDecoder.decode(p[3], StandardCharsets.UTF_8));
            } else if (path.equals("/v1/health")) {
                json(
                        ex,
                        "{\"status\":\"" + (relay.isRunning() ? "up" : "down") + "\",\"subscriptions\":"
                                + map(relay.subscriptions()) + "}");
            } else if (path.equals("/v1/metrics")) {
                json(
                        ex,
                        "{\"bytesReceived\":" + map(relay.bytesReceivedByGroup()) + ",\"readers\":"
                                + activeReaders.get() + ",\"framesSent\":" + framesSent.get() + "}");
            } else {
                text(ex, 404, "no such resource");
            }
        }
    }

    private void frames(HttpExchange ex, String groupId) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith(TICKET_SCHEME)) {
            text(ex, 401, "a join ticket is required (Authorization: Splitcast-Ticket <ticket>)");
            return;
        }
        JoinTicket ticket;
        try {
            ticket = JoinTicket.verify(auth.substring(TICKET_SCHEME.length()), verifier, clock);
        } catch (JoinTicket.InvalidTicketException e) {
            text(ex, 401, e.getMessage());
            return;
        }
        if (!ticket.groupId().equals(groupId)) {
            text(ex, 403, "the join ticket is for another group");
            return;
        }
        long after = -1;
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            if (!query.startsWith("after=")) {
                text(ex, 400, "the only parameter is 'after'");
                return;
            }
            try {
                after = Long.parseLong(query.substring(6));
            } catch (NumberFormatException e) {
                text(ex, 400, "'after' must be a frame number");
                return;
            }
            if (after < 0) {
                text(ex, 400, "'after' must not be negative");
                return;
            }
        }
        if (!readers.tryAcquire()) {
            text(ex, 503, "too many readers on this edge");
            return;
        }
        activeReaders.incrementAndGet();
        try (EdgeRelay.Reader reader = relay.open(groupId, after)) {
            ex.getResponseHeaders().set("Content-Type", "application/vnd.splitcast.live-frames");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            DataOutputStream out = new DataOutputStream(ex.getResponseBody());
            while (!stopping && clock.instant().isBefore(ticket.expiresAt())) {
                LiveFrame frame = reader.next(1000);
                if (frame == null) {
                    if (reader.relayStopped()) {
                        break;
                    }
                    frame = LiveFrame.control(LiveFrame.Type.HEARTBEAT, groupId, reader.newest());
                } else {
                    framesSent.incrementAndGet();
                }
                out.writeInt(frame.encodedLength());
                frame.writeTo(out); // the bytes as received from the publisher: no copy
                out.flush();
            }
            out.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "reader of " + groupId + " gone: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            text(ex, 503, "the edge is stopping");
        } finally {
            activeReaders.decrementAndGet();
            readers.release();
        }
    }

    private static String map(Map<String, ? extends Number> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"')
                    .append(k.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\":")
                    .append(v);
        });
        return b.append('}').toString();
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        send(ex, 200, "application/json", body);
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

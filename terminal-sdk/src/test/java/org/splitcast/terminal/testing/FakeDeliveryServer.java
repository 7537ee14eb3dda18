package org.splitcast.terminal.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.store.ProtectedStore;
import org.splitcast.protection.wire.ChunkSelection;
import org.splitcast.protection.wire.DeliveryProtocol;
import org.splitcast.protection.wire.PathSegments;

/**
 * The on-demand delivery endpoints of docs/protected-complementary-format.md §8 on a {@link
 * FakeLicenseServer}: {@code GET|HEAD /media/{id}/main.ts} (Range, ETag, If-Range) and {@code GET
 * /api/contents/{id}/complementary} served from a real {@link ProtectedStore}, with switches that
 * make it misbehave the ways a terminal must survive or refuse.
 */
public final class FakeDeliveryServer {

    /** Where the main stream's bytes come from (a file, or bytes generated from their position). */
    public interface MainSource {
        long length();

        String etag();

        /** Writes bytes {@code [from, to)} to {@code out}. */
        void copy(long from, long to, OutputStream out) throws IOException;
    }

    /** A main stream file. */
    public static MainSource file(Path path) throws IOException {
        long length = Files.size(path);
        String etag = "\"" + Long.toHexString(length) + "-"
                + Integer.toHexString(path.toString().hashCode()) + "\"";
        return new MainSource() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public String etag() {
                return etag;
            }

            @Override
            public void copy(long from, long to, OutputStream out) throws IOException {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                    InputStream in = Channels.newInputStream(ch.position(from));
                    byte[] buffer = new byte[1 << 16];
                    long left = to - from;
                    while (left > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new IOException("main stream file shorter than announced");
                        }
                        out.write(buffer, 0, n);
                        left -= n;
                    }
                }
            }
        };
    }

    /** What the complementary endpoint does to the envelopes it sends. */
    public enum Tamper {
        NONE,
        /** Flips a ciphertext bit in chunk {@link #tamperChunk}'s envelope. */
        FLIP_BIT,
        /** Sends chunk {@code tamperChunk + 1}'s envelope in place of chunk {@code tamperChunk}'s. */
        SWAP,
        /** Sends chunk {@code tamperChunk} of {@link #foreignStore} in place of this content's. */
        FOREIGN
    }

    private record Content(MainSource main, Path store) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final FakeLicenseServer licenses;
    private final Map<String, Content> contents = new ConcurrentHashMap<>();

    public volatile Tamper tamper = Tamper.NONE;
    public volatile long tamperChunk = 1;
    public volatile Path foreignStore;
    /** Sent instead of the store's key id, when set. */
    public volatile String keyIdOverride;
    /** When set: every complementary request is refused with this status and problem code. */
    public volatile int refuseStatus;

    public volatile String refuseCode;
    /** With refuseStatus: -1 refuses every complementary request; N >= 0 refuses the next N, then serves. */
    public final AtomicInteger refusalsLeft = new AtomicInteger(-1);
    /** Chunks at most per response (the server may clip a range). */
    public volatile long maxChunksPerResponse = Long.MAX_VALUE;
    /** Main-stream responses to cut off after this many body bytes; one cut per count. */
    public volatile long dropMainAfter = -1;

    public final AtomicInteger mainDropsLeft = new AtomicInteger();
    /** Complementary range responses to cut off in the middle of their second envelope. */
    public final AtomicInteger complementaryDropsLeft = new AtomicInteger();
    /** When set, the main stream pauses at byte {@link #gateAt} until this latch opens (or 120 s). */
    public volatile CountDownLatch gate;

    public volatile long gateAt;
    public volatile boolean gateTimedOut;

    public final AtomicLong mainBytesSent = new AtomicLong();
    public final AtomicInteger mainRequests = new AtomicInteger();
    public final AtomicInteger rangeRequests = new AtomicInteger();
    public final AtomicInteger complementaryRequests = new AtomicInteger();

    public FakeDeliveryServer(FakeLicenseServer licenses) {
        this.licenses = licenses;
        licenses.handle("/media/", this::media);
        licenses.handle("/api/contents/", this::complementary);
    }

    public URI uri() {
        return licenses.uri();
    }

    public void publish(String contentId, MainSource main, Path store) {
        contents.put(contentId, new Content(main, store));
    }

    private void media(HttpExchange exchange) throws IOException {
        try (exchange) {
            mainRequests.incrementAndGet();
            String path = exchange.getRequestURI().getRawPath();
            Matcher m = Pattern.compile("/media/([^/]+)/main\\.ts").matcher(path);
            Content content = m.matches() ? contents.get(PathSegments.decode(m.group(1))) : null;
            if (content == null) {
                problem(exchange, 404, "not-found", "no such content");
                return;
            }
            MainSource main = content.main();
            long length = main.length();
            long from = 0;
            long to = length;
            int status = 200;
            String range = exchange.getRequestHeaders().getFirst("Range");
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            if (range != null && (ifRange == null || ifRange.equals(main.etag()))) {
                Matcher r = RANGE.matcher(range);
                if (r.matches()) {
                    from = Long.parseLong(r.group(1));
                    to = r.group(2).isEmpty() ? length : Math.min(length, Long.parseLong(r.group(2)) + 1);
                    if (from >= length) {
                        exchange.getResponseHeaders().add("Content-Range", "bytes */" + length);
                        exchange.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    rangeRequests.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + length);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", DeliveryProtocol.MAIN_STREAM_MEDIA_TYPE);
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            exchange.getResponseHeaders().add("ETag", main.etag());
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Long.toString(to - from));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, to - from);
            OutputStream body = exchange.getResponseBody();
            long cut =
                    dropMainAfter >= 0 && mainDropsLeft.getAndDecrement() > 0 ? from + dropMainAfter : Long.MAX_VALUE;
            long position = from;
            long step = 1 << 20;
            while (position < to) {
                long end = Math.min(to, position + step);
                if (gate != null && position <= gateAt && gateAt < end) {
                    main.copy(position, gateAt, counting(body));
                    body.flush();
                    position = gateAt;
                    try {
                        if (!gate.await(120, TimeUnit.SECONDS)) {
                            gateTimedOut = true;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    gate = null;
                    continue;
                }
                if (cut < end) {
                    main.copy(position, cut, counting(body));
                    body.flush();
                    throw new IOException("dropping the connection on purpose"); // closes it mid-body
                }
                main.copy(position, end, counting(body));
                position = end;
            }
        }
    }

    private OutputStream counting(OutputStream body) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                body.write(b);
                mainBytesSent.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                body.write(b, off, len);
                mainBytesSent.addAndGet(len);
            }
        };
    }

    private void complementary(HttpExchange exchange) throws IOException {
        try (exchange) {
            complementaryRequests.incrementAndGet();
            String expected = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((FakeLicenseServer.USER + ":" + FakeLicenseServer.PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "unauthenticated", "no or wrong credentials");
                return;
            }
            Matcher m = Pattern.compile("/api/contents/([^/]+)/complementary")
                    .matcher(exchange.getRequestURI().getRawPath());
            Content content = m.matches() ? contents.get(PathSegments.decode(m.group(1))) : null;
            if (content == null) {
                problem(exchange, 404, "not-found", "no such content");
                return;
            }
            if (refuseStatus != 0
                    && (refusalsLeft.get() < 0 || refusalsLeft.getAndUpdate(v -> Math.max(0, v - 1)) > 0)) {
                problem(exchange, refuseStatus, refuseCode, "refused on purpose (" + refuseCode + ")");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String terminal = query.get(DeliveryProtocol.TERMINAL_PARAMETER);
            String contentId = PathSegments.decode(m.group(1));
            if (terminal == null || !licenses.licensed(terminal, contentId)) {
                problem(exchange, 403, DeliveryProtocol.NO_VALID_LICENSE, "no valid license for this terminal");
                return;
            }
            ChunkSelection selection;
            try {
                selection = ChunkSelection.parse(query.getOrDefault(DeliveryProtocol.CHUNKS_PARAMETER, ""));
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "validation", e.getMessage());
                return;
            }
            try (ProtectedStore store = ProtectedStore.open(content.store())) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                ChunkSelection served = selection;
                if (selection instanceof ChunkSelection.Header) {
                    store.transferHeader(body);
                } else if (selection instanceof ChunkSelection.Trailer) {
                    store.transferTrailer(body);
                } else {
                    ChunkSelection.Range range;
                    try {
                        range = ((ChunkSelection.Range) selection).clip(store.chunkCount(), maxChunksPerResponse);
                    } catch (IllegalArgumentException e) {
                        problem(exchange, 400, "validation", e.getMessage());
                        return;
                    }
                    served = range;
                    for (long i = range.first(); i <= range.last(); i++) {
                        body.write(envelope(store, i));
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", DeliveryProtocol.ENVELOPES_MEDIA_TYPE);
                exchange.getResponseHeaders().add("Cache-Control", "private, no-store");
                exchange.getResponseHeaders()
                        .add(
                                DeliveryProtocol.KEY_ID_HEADER,
                                PathSegments.encode(keyIdOverride != null ? keyIdOverride : store.keyId()));
                exchange.getResponseHeaders()
                        .add(DeliveryProtocol.CHUNK_COUNT_HEADER, Long.toString(store.chunkCount()));
                exchange.getResponseHeaders().add(DeliveryProtocol.CHUNKS_HEADER, served.toString());
                exchange.getResponseHeaders()
                        .add(DeliveryProtocol.MAIN_LENGTH_HEADER, Long.toString(store.mainLength()));
                byte[] bytes = body.toByteArray();
                exchange.sendResponseHeaders(200, bytes.length);
                OutputStream out = exchange.getResponseBody();
                if (served instanceof ChunkSelection.Range r
                        && r.count() > 1
                        && complementaryDropsLeft.getAndDecrement() > 0) {
                    Envelope first = Envelope.read(new ByteArrayInputStream(bytes), "body");
                    out.write(bytes, 0, first.length() + 50);
                    out.flush();
                    throw new IOException("dropping the connection on purpose");
                }
                out.write(bytes);
            } catch (Exception e) {
                if (e instanceof IOException io) {
                    throw io;
                }
                throw new IOException(e);
            }
        }
    }

    private byte[] envelope(ProtectedStore store, long i) throws Exception {
        if (i == tamperChunk) {
            switch (tamper) {
                case FLIP_BIT -> {
                    byte[] e = store.readChunkEnvelope(i).toByteArray();
                    e[Envelope.HEADER_BYTES + 5] ^= 0x08;
                    return e;
                }
                case SWAP -> {
                    return store.readChunkEnvelope(i + 1).toByteArray();
                }
                case FOREIGN -> {
                    try (ProtectedStore other = ProtectedStore.open(foreignStore)) {
                        return other.readChunkEnvelope(i).toByteArray();
                    }
                }
                case NONE -> {}
            }
        }
        return store.readChunkEnvelope(i).toByteArray();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), PathSegments.decode(pair.substring(eq + 1)));
                }
            }
        }
        return query;
    }

    private static void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        var problem = JSON.createObjectNode();
        problem.put("type", DeliveryProtocol.PROBLEM_TYPE_BASE + code);
        problem.put("title", code);
        problem.put("status", status);
        problem.put("detail", detail);
        byte[] bytes = JSON.writeValueAsBytes(problem);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package org.splitcast.multicast.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.multicast.auth.AuthenticationException;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionAuthenticator;
import org.splitcast.multicast.group.GroupMetrics;
import org.splitcast.multicast.group.MembershipException;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.publish.LivePublisher;
import org.splitcast.multicast.publish.MainStreamWindow;

/**
 * A development and test stand-in for the central server's live REST API (docs/live.md §6), on
 * the JDK's HTTP server, driving a {@link LivePublisher}: what the WildFly application exposes,
 * without a database (terminals are registered in memory, SK is never stored). Routes:
 *
 * <pre>
 * POST   /api/terminals/{id}/challenge          -> 200 {"challengeId","nonce","expiresAt"}
 * POST   /api/sessions                          {terminalId, contentId, challengeId, proof} -> 201 grant
 * POST   /api/sessions/{sid}/renew              {terminalId, challengeId, proof} -> 200 grant
 * DELETE /api/sessions/{sid}                    {terminalId, challengeId, proof} -> 204
 * GET    /api/sessions/{sid}/keys?terminalId=   -> 200 the member's PATH key message
 * GET    /live/{groupId}/main/{chunkSeq}        -> 200 the public main-stream range
 * GET    /api/live/verification-key             -> 200 keyId:base64(SubjectPublicKeyInfo)
 * GET    /api/live/groups/{groupId}/metrics     -> 200 the group's counters
 * </pre>
 *
 * Errors are {@code application/problem+json} with a stable {@code code}. A content id names the
 * group of the same id.
 */
public final class DevCentralServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevCentralServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY = 16 * 1024;

    private final LivePublisher publisher;
    private final SessionAuthenticator authenticator;
    private final String verificationKey;
    private final Map<String, TerminalKey> terminals = new ConcurrentHashMap<>();
    private final Map<String, String> sessionGroups = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;

    public DevCentralServer(
            LivePublisher publisher,
            SessionAuthenticator authenticator,
            String verificationKeyText,
            InetSocketAddress bind)
            throws IOException {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.verificationKey = verificationKeyText;
        this.server = HttpServer.create(bind, 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "splitcast-dev-central-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Registers a terminal and its key (what registration does in the real server). */
    public void registerTerminal(String terminalId, TerminalKey key) {
        terminals.put(terminalId, key);
    }

    public void start() {
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String[] p = path.split("/");
            String method = ex.getRequestMethod();
            try {
                if (method.equals("POST")
                        && p.length == 5
                        && p[1].equals("api")
                        && p[2].equals("terminals")
                        && p[4].equals("challenge")) {
                    challenge(ex, dec(p[3]));
                } else if (method.equals("POST") && path.equals("/api/sessions")) {
                    openSession(ex);
                } else if (method.equals("POST") && p.length == 5 && p[2].equals("sessions") && p[4].equals("renew")) {
                    renew(ex, dec(p[3]));
                } else if (method.equals("DELETE") && p.length == 4 && p[2].equals("sessions")) {
                    leave(ex, dec(p[3]));
                } else if (method.equals("GET") && p.length == 5 && p[2].equals("sessions") && p[4].equals("keys")) {
                    keys(ex, dec(p[3]));
                } else if (method.equals("GET") && p.length == 5 && p[1].equals("live") && p[3].equals("main")) {
                    main(ex, dec(p[2]), p[4]);
                } else if (method.equals("GET") && path.equals("/api/live/verification-key")) {
                    send(ex, 200, "text/plain", verificationKey.getBytes(StandardCharsets.UTF_8));
                } else if (method.equals("GET") && p.length == 6 && p[3].equals("groups") && p[5].equals("metrics")) {
                    metrics(ex, dec(p[4]));
                } else {
                    problem(ex, 404, "not-found", "no such resource");
                }
            } catch (ApiProblem e) {
                problem(ex, e.status, e.code, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "internal error on " + method + " " + path, e);
                problem(ex, 500, "internal", "internal error");
            }
        }
    }

    private static final class ApiProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        ApiProblem(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private void challenge(HttpExchange ex, String terminalId) throws IOException, ApiProblem {
        if (!terminals.containsKey(terminalId)) {
            throw new ApiProblem(404, "unknown-terminal", "no such terminal");
        }
        Challenge c = authenticator.issue(terminalId);
        ObjectNode o = JSON.createObjectNode();
        o.put("challengeId", c.challengeId())
                .put("nonce", c.nonce())
                .put("expiresAt", c.expiresAt().toString());
        sendJson(ex, 200, o);
    }

    private void openSession(HttpExchange ex) throws IOException, ApiProblem {
        JsonNode body = body(ex);
        String terminalId = text(body, "terminalId");
        String contentId = text(body, "contentId");
        TerminalKey key = authenticate(terminalId, contentId, body);
        MulticastGroup group = publisher.group(contentId);
        if (group == null) {
            throw new ApiProblem(404, "unknown-content", "no live channel for this content");
        }
        String sessionId = UUID.randomUUID().toString();
        try {
            MulticastGroup.Admission a = group.admit(sessionId, terminalId, key);
            SecretKeys.wipe(a.sessionKey());
            sessionGroups.put(sessionId, contentId);
            send(ex, 201, "application/json", a.grant().toJson().getBytes(StandardCharsets.UTF_8));
        } catch (MembershipException e) {
            throw membership(e);
        }
    }

    private void renew(HttpExchange ex, String sessionId) throws IOException, ApiProblem {
        JsonNode body = body(ex);
        String terminalId = text(body, "terminalId");
        MulticastGroup group = groupOf(sessionId);
        TerminalKey key = authenticate(terminalId, group.contentId(), body);
        try {
            MulticastGroup.Admission a = group.renew(sessionId, terminalId, key);
            SecretKeys.wipe(a.sessionKey());
            send(ex, 200, "application/json", a.grant().toJson().getBytes(StandardCharsets.UTF_8));
        } catch (MembershipException e) {
            throw membership(e);
        }
    }

    private void leave(HttpExchange ex, String sessionId) throws IOException, ApiProblem {
        JsonNode body = body(ex);
        String terminalId = text(body, "terminalId");
        MulticastGroup group = groupOf(sessionId);
        authenticate(terminalId, group.contentId(), body);
        try {
            group.leave(sessionId, terminalId);
            sessionGroups.remove(sessionId);
            send(ex, 204, null, null);
        } catch (MembershipException e) {
            throw membership(e);
        }
    }

    private void keys(HttpExchange ex, String sessionId) throws IOException, ApiProblem {
        String query = ex.getRequestURI().getRawQuery();
        String terminalId = query != null && query.startsWith("terminalId=") ? dec(query.substring(11)) : "";
        MulticastGroup group = groupOf(sessionId);
        try {
            send(ex, 200, "application/octet-stream", group.keyPath(sessionId, terminalId));
        } catch (MembershipException e) {
            throw membership(e);
        }
    }

    private void main(HttpExchange ex, String groupId, String seq) throws IOException, ApiProblem {
        MainStreamWindow window = publisher.window(groupId);
        long chunkSeq;
        try {
            chunkSeq = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "bad-request", "the chunk number is not a number");
        }
        byte[] range = window == null ? null : window.get(chunkSeq);
        if (range == null) {
            throw new ApiProblem(404, "not-in-window", "this chunk is not (or no longer) in the live window");
        }
        send(ex, 200, "video/mp2t", range);
    }

    private void metrics(HttpExchange ex, String groupId) throws IOException, ApiProblem {
        GroupMetrics m = publisher.metrics(groupId);
        if (m == null) {
            throw new ApiProblem(404, "unknown-group", "no such group");
        }
        sendJson(ex, 200, JSON.valueToTree(m));
    }

    private TerminalKey authenticate(String terminalId, String contentId, JsonNode body) throws ApiProblem {
        TerminalKey key = terminals.get(terminalId);
        if (key == null) {
            throw new ApiProblem(404, "unknown-terminal", "no such terminal");
        }
        try {
            authenticator.authenticate(terminalId, contentId, text(body, "challengeId"), text(body, "proof"), key);
            return key;
        } catch (AuthenticationException e) {
            throw new ApiProblem(401, e.reason().name().toLowerCase().replace('_', '-'), e.getMessage());
        }
    }

    private MulticastGroup groupOf(String sessionId) throws ApiProblem {
        String groupId = sessionGroups.get(sessionId);
        MulticastGroup g = groupId == null ? null : publisher.group(groupId);
        if (g == null) {
            throw new ApiProblem(404, "unknown-session", "no such live session");
        }
        return g;
    }

    private static ApiProblem membership(MembershipException e) {
        int status =
                switch (e.reason()) {
                    case NOT_YOUR_SESSION -> 403;
                    case SESSION_EXISTS -> 409;
                    default -> 404;
                };
        return new ApiProblem(status, e.reason().name().toLowerCase().replace('_', '-'), e.getMessage());
    }

    private static JsonNode body(HttpExchange ex) throws IOException, ApiProblem {
        try (InputStream in = ex.getRequestBody()) {
            byte[] raw = in.readNBytes(MAX_BODY + 1);
            if (raw.length > MAX_BODY) {
                throw new ApiProblem(413, "too-large", "request body over " + MAX_BODY + " bytes");
            }
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (IOException e) {
                throw new ApiProblem(400, "bad-request", "the body is not JSON");
            }
            if (node == null || !node.isObject()) {
                throw new ApiProblem(400, "bad-request", "the body is not a JSON object");
            }
            return node;
        }
    }

    private static String text(JsonNode o, String member) throws ApiProblem {
        JsonNode v = o.get(member);
        if (v == null
                || !v.isTextual()
                || v.textValue().isEmpty()
                || v.textValue().length() > 4096) {
            throw new ApiProblem(400, "bad-request", "'" + member + "' must be a non-empty string");
        }
        return v.textValue();
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode o) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(o));
    }

    private static void problem(HttpExchange ex, int status, String code, String detail) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "urn:splitcast:live:" + code)
                .put("code", code)
                .put("status", status)
                .put("detail", detail);
        send(ex, status, "application/problem+json", JSON.writeValueAsBytes(o));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}

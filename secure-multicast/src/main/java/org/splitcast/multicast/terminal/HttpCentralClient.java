package org.splitcast.multicast.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.session.SessionGrant;

/** {@link CentralApi} over HTTP (JDK client), with bounded time and response sizes. */
public final class HttpCentralClient implements CentralApi {

    static final int MAX_RESPONSE = 32 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public HttpCentralClient(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Challenge challenge(String terminalId) throws LiveApiException {
        JsonNode o = json(send(post("/api/terminals/" + enc(terminalId) + "/challenge", "{}"), 200));
        try {
            return new Challenge(
                    o.get("challengeId").textValue(),
                    terminalId,
                    o.get("nonce").textValue(),
                    Instant.now(),
                    Instant.parse(o.get("expiresAt").textValue()));
        } catch (RuntimeException e) {
            throw new LiveApiException(200, null, "the server's challenge is malformed");
        }
    }

    @Override
    public SessionGrant openSession(String terminalId, String contentId, String challengeId, String proof)
            throws LiveApiException {
        ObjectNode body = JSON.createObjectNode();
        body.put("terminalId", terminalId).put("contentId", contentId);
        body.put("challengeId", challengeId).put("proof", proof);
        return grant(send(post("/api/sessions", body.toString()), 201));
    }

    @Override
    public SessionGrant renew(String sessionId, String terminalId, String challengeId, String proof)
            throws LiveApiException {
        ObjectNode body = JSON.createObjectNode();
        body.put("terminalId", terminalId).put("challengeId", challengeId).put("proof", proof);
        return grant(send(post("/api/sessions/" + enc(sessionId) + "/renew", body.toString()), 200));
    }

    @Override
    public void leave(String sessionId, String terminalId, String challengeId, String proof) throws LiveApiException {
        ObjectNode body = JSON.createObjectNode();
        body.put("terminalId", terminalId).put("challengeId", challengeId).put("proof", proof);
        send(
                request("/api/sessions/" + enc(sessionId))
                        .method("DELETE", HttpRequest.BodyPublishers.ofString(body.toString()))
                        .header("Content-Type", "application/json")
                        .build(),
                204);
    }

    @Override
    public byte[] keyPath(String sessionId, String terminalId) throws LiveApiException {
        return send(
                request("/api/sessions/" + enc(sessionId) + "/keys?terminalId=" + enc(terminalId))
                        .GET()
                        .build(),
                200);
    }

    @Override
    public byte[] mainRange(String groupId, long chunkSeq) throws LiveApiException {
        return send(request("/live/" + enc(groupId) + "/main/" + chunkSeq).GET().build(), 200);
    }

    private SessionGrant grant(byte[] body) throws LiveApiException {
        try {
            return SessionGrant.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new LiveApiException(200, null, "the server's session grant is malformed: " + e.getMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    }

    private HttpRequest post(String path, String json) {
        return request(path)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .build();
    }

    private byte[] send(HttpRequest request, int expected) throws LiveApiException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LiveApiException(0, null, "cannot reach the server " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveApiException(0, null, "interrupted");
        }
        byte[] body = response.body();
        if (body.length > MAX_RESPONSE) {
            throw new LiveApiException(response.statusCode(), null, "oversized response");
        }
        if (response.statusCode() != expected) {
            String code = null;
            String detail = "HTTP " + response.statusCode();
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem != null && problem.isObject()) {
                    code = problem.path("code").textValue();
                    if (problem.hasNonNull("detail")) {
                        detail += ": " + problem.get("detail").textValue();
                    }
                }
            } catch (IOException ignored) {
                // not a problem document
            }
            throw new LiveApiException(response.statusCode(), code, detail);
        }
        return body;
    }

    private static JsonNode json(byte[] body) throws LiveApiException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new LiveApiException(200, null, "the server's answer is not JSON");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.splitcast.terminal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.license.format.AccessBlockComposer;
import org.splitcast.license.format.AccessRules;
import org.splitcast.license.format.GrantComposer;
import org.splitcast.license.format.GrantKeys;
import org.splitcast.license.format.KeySet;
import org.splitcast.license.format.License;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.license.format.SigningKey;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.VerificationKey;

/**
 * A license server on {@link HttpServer} that issues real licenses with {@link
 * AccessBlockComposer} and {@link GrantComposer}, signing keys generated here. Its {@link Mode}
 * makes it misbehave the ways a terminal must survive.
 */
public final class FakeLicenseServer implements AutoCloseable {

    /** How the next license requests are answered. */
    public enum Mode {
        /** A fresh license for the request. */
        NORMAL,
        /** The previous answer again, whatever the request's nonce: a replay. */
        REPLAY,
        /** 403 play-limit-reached as application/problem+json. */
        REFUSE,
        /** 500 with an HTML page, as a broken proxy would. */
        HTML_ERROR,
        /** 200 with a body that is not a license. */
        GARBAGE
    }

    public static final String USER = "alice";
    public static final String PASSWORD = "correct horse battery staple";
    public static final String CONTENT = "big-buck-bunny";
    public static final AccessRules RULES = new AccessRules(3, 48, false);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first key of each algorithm, shared by all instances: RSA 3072 generation takes a while. */
    private static final Map<SignatureAlgorithm, SigningKey> INITIAL_KEYS = new ConcurrentHashMap<>();

    private final CryptoProvider crypto = CryptoProvider.getDefault();
    private final HttpServer server;
    private final Map<String, TerminalKey> terminals = new ConcurrentHashMap<>();
    private final List<VerificationKey> published = new CopyOnWriteArrayList<>();
    private final List<byte[]> secrets = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, List<ContentKey>> contentKeys = new ConcurrentHashMap<>();
    private final Map<String, Instant> licensedUntil = new ConcurrentHashMap<>();
    private volatile SigningKey signingKey;
    private volatile Mode mode = Mode.NORMAL;
    private volatile String lastAnswer;

    public FakeLicenseServer(SignatureAlgorithm algorithm) throws IOException {
        signingKey = INITIAL_KEYS.computeIfAbsent(
                algorithm, a -> newSigningKey(a, "ls-" + a.jwsName().toLowerCase() + "-1"));
        published.add(signingKey.verificationKey());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/license-keys", this::keys);
        server.createContext("/api/licenses", this::licenses);
        // a pool: a delivery handler may hold its thread (a paused main stream) while others answer
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Registers a terminal as the server knows it. */
    public void register(String terminalId, TerminalKey key) {
        terminals.put(terminalId, key);
        if (key instanceof TerminalKey.Symmetric symmetric) {
            secrets.add(symmetric.kt().clone());
        }
    }

    /** The content key the licenses for {@code contentId} carry (else a random one, id kc-1). */
    public record ContentKey(String keyId, byte[] kc) {}

    public void contentKey(String contentId, String keyId, byte[] kc) {
        contentKeys(contentId, new ContentKey(keyId, kc.clone()));
    }

    /** The n-th license for {@code contentId} carries {@code keys[n]} (the last one from then on). */
    public void contentKeys(String contentId, ContentKey... keys) {
        contentKeys.put(contentId, new java.util.concurrent.CopyOnWriteArrayList<>(List.of(keys)));
        for (ContentKey key : keys) {
            secrets.add(key.kc().clone());
        }
    }

    /** Adds a handler to this server (the delivery endpoints of FakeDeliveryServer). */
    public void handle(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Whether a license for the pair was issued and is valid now. */
    public boolean licensed(String terminalId, String contentId) {
        Instant until = licensedUntil.get(terminalId + "\n" + contentId);
        return until != null && Instant.now().isBefore(until);
    }

    /** Licenses issued (whatever the mode). */
    public int issued() {
        return issued.get();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * A new signing key becomes active; {@code publish} says whether the key set shows it (the
     * real server always publishes it, a misconfigured one might not).
     */
    public SigningKey rotate(SignatureAlgorithm algorithm, String keyId, boolean publish) {
        SigningKey key = newSigningKey(algorithm, keyId);
        signingKey = key;
        if (publish) {
            published.add(key.verificationKey());
        }
        return key;
    }

    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** Every Kc, Km and KT this server handled: none may ever appear in a terminal's output. */
    public List<byte[]> secrets() {
        return new ArrayList<>(secrets);
    }

    /** The license request bodies received. */
    public List<JsonNode> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static SigningKey newSigningKey(SignatureAlgorithm algorithm, String keyId) {
        KeyPair pair = algorithm.generateKeyPair(CryptoProvider.getDefault());
        return new SigningKey(keyId, algorithm, pair.getPrivate(), pair.getPublic());
    }

    private void keys(HttpExchange exchange) throws IOException {
        keySetFetches.incrementAndGet();
        send(exchange, 200, "application/json", KeySet.toJson(published), null);
    }

    private void licenses(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"splitcast\"");
                problem(exchange, 401, "unauthenticated", "Unauthenticated", "no or wrong credentials");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            switch (mode) {
                case REFUSE -> problem(
                        exchange,
                        403,
                        "play-limit-reached",
                        "Play limit reached",
                        "content 'big-buck-bunny' allows 3 plays within 48 hours and subscriber 'alice' has had them");
                case HTML_ERROR -> send(
                        exchange, 500, "text/html", "<html><body>Internal Server Error</body></html>", null);
                case GARBAGE -> send(exchange, 200, "application/json", "{\"hello\":\"world\"}", null);
                case REPLAY -> send(exchange, 200, "application/json", lastAnswer, "precomputed");
                case NORMAL -> {
                    TerminalKey terminal =
                            terminals.get(request.path("terminalId").asText());
                    if (terminal == null) {
                        problem(exchange, 404, "not-found", "Not found", "no such terminal");
                        return;
                    }
                    lastAnswer = issue(request, terminal);
                    send(
                            exchange,
                            200,
                            "application/json",
                            lastAnswer,
                            issued.incrementAndGet() % 2 == 1 ? "computed" : "precomputed");
                }
            }
        }
    }

    private String issue(JsonNode request, TerminalKey terminal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String terminalId = request.path("terminalId").asText();
        String contentId = request.path("contentId").asText();
        List<ContentKey> keys = contentKeys.get(contentId);
        ContentKey key = keys == null ? null : keys.size() > 1 ? keys.remove(0) : keys.get(0);
        byte[] kc = key != null ? key.kc().clone() : crypto.randomBytes(32);
        String keyId = key != null ? key.keyId() : "kc-1";
        secrets.add(kc);
        AccessBlock access = new AccessBlockComposer(crypto)
                .compose(
                        contentId,
                        terminalId,
                        keyId,
                        kc,
                        terminal,
                        RULES,
                        now.minusSeconds(600),
                        now.plus(1, ChronoUnit.DAYS),
                        signingKey);
        byte[] km = terminal instanceof TerminalKey.Symmetric symmetric
                ? GrantKeys.fromTerminalKey(symmetric.kt(), crypto)
                : access.grantKey();
        secrets.add(km);
        String licenseId = "lic-" + issued.get();
        String grant = new GrantComposer(crypto)
                .compose(
                        access.compact(),
                        km,
                        licenseId,
                        request.path("nonce").asText(),
                        now,
                        now,
                        now.plus(4, ChronoUnit.HOURS));
        licensedUntil.put(terminalId + "\n" + contentId, now.plus(4, ChronoUnit.HOURS));
        return new License(License.FORMAT, licenseId, contentId, terminalId, keyId, access.compact(), grant).toJson();
    }

    private static void problem(HttpExchange exchange, int status, String code, String title, String detail)
            throws IOException {
        var problem = JSON.createObjectNode();
        problem.put("type", "https://splitcast.org/problems/" + code);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", "/api/licenses");
        problem.put("code", code);
        send(exchange, status, "application/problem+json", JSON.writeValueAsString(problem), null);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String access)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (access != null) {
            exchange.getResponseHeaders().add("Splitcast-Access", access);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

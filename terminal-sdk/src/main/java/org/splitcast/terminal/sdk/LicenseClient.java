package org.splitcast.terminal.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.KeySet;
import org.splitcast.license.format.License;
import org.splitcast.license.format.LicenseRejectedException;
import org.splitcast.license.format.LicenseVerifier;
import org.splitcast.license.format.Nonces;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.license.format.VerifiedLicense;

/**
 * A terminal's client of the license server (docs/license-format.md §1, §5, §6): it asks {@code
 * POST /api/licenses} with a fresh nonce, and verifies the answer against the server's key set,
 * which it fetches once from {@code GET /api/license-keys}, keeps, and fetches again once when a
 * license names a signing key it does not know (the operator rotated the key). Thread-safe.
 *
 * <p>Use HTTPS in production: the credentials travel in every request.
 */
public final class LicenseClient {

    /** Says whether the server found the access block precomputed or computed it now. */
    public static final String ACCESS_HEADER = "Splitcast-Access";

    /** Largest answer read: a license or a key set is a few KiB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final Credentials credentials;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicReference<KeySet> keySet = new AtomicReference<>();

    /**
     * @param server the server's base URI, under which {@code api/licenses} lives (e.g. {@code
     *     https://licenses.example.com/})
     * @param credentials the subscriber's or integrator's, or null for none (the license request
     *     then fails with 401)
     */
    public LicenseClient(URI server, Credentials credentials, CryptoProvider crypto, Clock clock) {
        this(
                server,
                credentials,
                crypto,
                clock,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                DEFAULT_TIMEOUT);
    }

    public LicenseClient(
            URI server,
            Credentials credentials,
            CryptoProvider crypto,
            Clock clock,
            HttpClient http,
            Duration timeout) {
        Objects.requireNonNull(server, "server");
        if (server.getScheme() == null
                || !(server.getScheme().equalsIgnoreCase("http")
                        || server.getScheme().equalsIgnoreCase("https"))
                || server.getHost() == null) {
            throw new IllegalArgumentException("the server URI must be http(s)://host[:port][/path]");
        }
        String path = server.getPath() == null || server.getPath().isEmpty() ? "/" : server.getPath();
        this.server = server.resolve(path.endsWith("/") ? path : path + "/");
        this.credentials = credentials;
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The server base URI, ending with '/'. */
    public URI server() {
        return server;
    }

    /**
     * {@code GET /api/license-keys}, kept for the verifications that follow.
     *
     * @throws IOException if the server cannot be reached or answers something that is not a key set
     * @throws LicenseRequestException if it answers an error
     */
    public KeySet fetchKeySet() throws IOException, LicenseRequestException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("api/license-keys"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        Answer answer = send(request);
        if (answer.status / 100 != 2) {
            throw refusal(answer);
        }
        KeySet keys;
        try {
            keys = KeySet.parse(answer.body(), crypto);
        } catch (IllegalArgumentException e) {
            throw new IOException("the server's key set is unusable: " + e.getMessage());
        }
        keySet.set(keys);
        return keys;
    }

    /**
     * Asks for a license with a fresh nonce and verifies it.
     *
     * @throws LicenseRequestException if the server refuses (status, problem code and detail)
     * @throws LicenseRejectedException if the answer does not verify (Kc is then not released)
     * @throws IOException if the server cannot be reached
     */
    public ObtainedLicense requestLicense(String terminalId, String contentId, TerminalSecret secret)
            throws IOException, LicenseRequestException, LicenseRejectedException {
        return requestLicense(terminalId, contentId, secret, Nonces.generate(crypto));
    }

    /**
     * Asks for a license with the caller's nonce (which must be fresh: a reused nonce lets an old
     * answer pass for a new one) and verifies it.
     */
    public ObtainedLicense requestLicense(String terminalId, String contentId, TerminalSecret secret, String nonce)
            throws IOException, LicenseRequestException, LicenseRejectedException {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(secret, "secret");
        if (!Nonces.isValid(nonce)) {
            throw new IllegalArgumentException("nonce must be base64url without padding of 16 to 64 bytes");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("contentId", contentId);
        body.put("terminalId", terminalId);
        body.put("nonce", nonce);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("api/licenses"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        Answer answer = send(request.build());
        if (answer.status / 100 != 2) {
            throw refusal(answer);
        }
        License license;
        try {
            license = License.fromJson(answer.body());
        } catch (IllegalArgumentException e) {
            throw new LicenseRejectedException(
                    LicenseRejectedException.Reason.MALFORMED,
                    "the server's answer is not a license: " + e.getMessage());
        }
        VerifiedLicense verified = verify(license, terminalId, secret, contentId, nonce);
        return new ObtainedLicense(verified, license, answer.access);
    }

    /**
     * Verifies a license obtained some other way (a file, another channel) for the request that
     * sent {@code nonce}, against the kept key set (fetched first if need be, and again once if the
     * license names a signing key it does not have).
     */
    public VerifiedLicense verify(
            License license, String terminalId, TerminalSecret secret, String contentId, String nonce)
            throws IOException, LicenseRequestException, LicenseRejectedException {
        KeySet keys = keySet.get();
        boolean fresh = false;
        if (keys == null) {
            keys = fetchKeySet();
            fresh = true;
        }
        try {
            return verifier(keys).verify(license, terminalId, secret, contentId, nonce, clock.instant());
        } catch (LicenseRejectedException e) {
            if (fresh || e.reason() != LicenseRejectedException.Reason.UNKNOWN_SIGNING_KEY) {
                throw e;
            }
        }
        return verifier(fetchKeySet()).verify(license, terminalId, secret, contentId, nonce, clock.instant());
    }

    private LicenseVerifier verifier(KeySet keys) {
        return new LicenseVerifier(keys, crypto, LicenseVerifier.DEFAULT_CLOCK_SKEW);
    }

    /** A response read in full (bounded), with what the caller needs of its headers. */
    private record Answer(int status, String contentType, String access, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Answer send(HttpRequest request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri());
        } catch (ConnectException e) {
            ConnectException described =
                    new ConnectException("cannot connect to " + request.uri().resolve("/") + ": " + connectFailure(e));
            described.initCause(e);
            throw described;
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException(request.uri() + " answered more than " + MAX_BODY_BYTES + " bytes");
        }
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue(ACCESS_HEADER).orElse(null),
                bytes);
    }

    /** Why a connection failed, from the innermost cause that says (the JDK's often say nothing). */
    static String connectFailure(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? "connection refused" : message;
    }

    /** The refusal, with the problem details if the server sent some. */
    private static LicenseRequestException refusal(Answer answer) {
        return Problems.refusal(answer.status(), answer.contentType(), answer.bytes());
    }
}

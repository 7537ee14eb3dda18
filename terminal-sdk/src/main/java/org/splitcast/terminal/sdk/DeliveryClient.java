package org.splitcast.terminal.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.OptionalLong;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.wire.ChunkSelection;
import org.splitcast.protection.wire.DeliveryProtocol;
import org.splitcast.protection.wire.PathSegments;

/**
 * A terminal's client of on-demand delivery (docs/protected-complementary-format.md §8): the
 * public main stream ({@code GET /media/{id}/main.ts}, resumable with {@code Range}) and the sealed
 * complementary information ({@code GET /api/contents/{id}/complementary}, with the license's
 * credentials). It opens nothing: {@link Player} does. Thread-safe.
 */
public final class DeliveryClient {

    /** The largest body of envelopes read for one request; the rest is asked for again. */
    static final long MAX_BATCH_BYTES = 32L << 20;

    private final URI server;
    private final Credentials credentials;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param server the server's base URI (ending with '/'), as {@link LicenseClient#server()}
     * @param credentials the subscriber's or integrator's (the license request's)
     */
    public DeliveryClient(URI server, Credentials credentials, HttpClient http, Duration timeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.credentials = credentials;
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A batch of envelopes and what the response said about them. */
    public record Batch(
            String keyId, long chunkCount, ChunkSelection served, Deque<Envelope> envelopes, boolean complete) {}

    /**
     * Asks for the envelopes of {@code selection} and reads them. A body cut short keeps the
     * envelopes read whole ({@link Batch#complete()} false); a body larger than {@value
     * #MAX_BATCH_BYTES} bytes is read up to there.
     *
     * @throws LicenseRequestException if the server refuses (403 no-valid-license, 404, 409 ...)
     * @throws IOException if the server cannot be reached, or its answer is not a body of envelopes
     */
    public Batch fetch(String contentId, String terminalId, ChunkSelection selection)
            throws IOException, LicenseRequestException {
        URI uri = server.resolve(DeliveryProtocol.complementaryPath(contentId) + "?"
                + DeliveryProtocol.TERMINAL_PARAMETER + "=" + PathSegments.encode(terminalId) + "&"
                + DeliveryProtocol.CHUNKS_PARAMETER + "=" + selection);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", DeliveryProtocol.ENVELOPES_MEDIA_TYPE)
                .GET();
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        HttpResponse<InputStream> response = send(request.build());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw Problems.refusal(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        body.readNBytes(LicenseClient.MAX_BODY_BYTES));
            }
            String keyId = response.headers()
                    .firstValue(DeliveryProtocol.KEY_ID_HEADER)
                    .orElseThrow(() -> new IOException(uri + " did not say which key its envelopes are sealed under ("
                            + DeliveryProtocol.KEY_ID_HEADER + ")"));
            long chunkCount = number(response, DeliveryProtocol.CHUNK_COUNT_HEADER, uri);
            ChunkSelection served;
            try {
                served = ChunkSelection.parse(response.headers()
                        .firstValue(DeliveryProtocol.CHUNKS_HEADER)
                        .orElse(selection.toString()));
            } catch (IllegalArgumentException e) {
                throw new IOException(uri + " answered an invalid " + DeliveryProtocol.CHUNKS_HEADER + " header");
            }
            Deque<Envelope> envelopes = new ArrayDeque<>();
            long read = 0;
            boolean complete = true;
            try {
                Envelope envelope;
                while (read < MAX_BATCH_BYTES && (envelope = Envelope.read(body, "the answer to " + uri)) != null) {
                    envelopes.add(envelope);
                    read += envelope.length();
                }
                complete = read < MAX_BATCH_BYTES;
            } catch (EnvelopeException e) {
                if (e.kind() != EnvelopeException.Kind.TRUNCATED) {
                    throw new IOException(e.getMessage(), e);
                }
                complete = false;
            } catch (IOException e) {
                complete = false; // a connection dropped mid-body: keep what arrived whole
            }
            String decodedKeyId;
            try {
                decodedKeyId = PathSegments.decode(keyId);
            } catch (IllegalArgumentException e) {
                throw new IOException(uri + " answered an invalid " + DeliveryProtocol.KEY_ID_HEADER + " header");
            }
            return new Batch(decodedKeyId, chunkCount, served, envelopes, complete);
        }
    }

    /** The main stream, resumed with {@code Range} after a dropped connection. */
    public ResumingDownload mainStream(String contentId, int maxRetries) throws IOException, LicenseRequestException {
        return ResumingDownload.open(this, server.resolve(DeliveryProtocol.mainStreamPath(contentId)), maxRetries);
    }

    HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri());
        } catch (ConnectException e) {
            ConnectException described = new ConnectException(
                    "cannot connect to " + request.uri().resolve("/") + ": " + LicenseClient.connectFailure(e));
            described.initCause(e);
            throw described;
        }
    }

    Duration timeout() {
        return timeout;
    }

    private static long number(HttpResponse<?> response, String header, URI uri) throws IOException {
        OptionalLong value;
        try {
            value = response.headers().firstValueAsLong(header);
        } catch (NumberFormatException e) {
            value = OptionalLong.empty();
        }
        if (value.isEmpty() || value.getAsLong() < 0) {
            throw new IOException(uri + " did not send a valid " + header + " header");
        }
        return value.getAsLong();
    }
}

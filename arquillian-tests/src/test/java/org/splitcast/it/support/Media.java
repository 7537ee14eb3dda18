package org.splitcast.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.terminal.sdk.DeliveryClient;
import org.splitcast.terminal.sdk.LicenseClient;
import org.splitcast.terminal.sdk.PlayReport;
import org.splitcast.terminal.sdk.Player;
import org.splitcast.testing.media.ClipSpec;
import org.splitcast.testing.media.Clips;

/** Fixtures of the ingest and delivery tests: clips, uploads, waiting for an ingest, playing. */
public final class Media {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Media() {}

    /** Where the tests keep their media (the module's target folder). */
    public static Path work() {
        try {
            return Files.createDirectories(Path.of("target", "test-work", "media"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An H.264 + AAC transport stream, made once per build. */
    public static Path clip(double seconds) {
        ClipSpec spec = Clips.h264AacSpec(seconds, 640, 360, 25);
        try {
            return Clips.cached(spec, work().resolve("h264-aac-" + (int) seconds + "s.ts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code PUT /api/contents/{id}/stream} with the file as its body, streamed. */
    public static Api.Reply upload(Credentials who, String contentId, Path file) {
        try {
            return send(who, contentId, HttpRequest.BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code PUT /api/contents/{id}/stream} with these bytes. */
    public static Api.Reply upload(Credentials who, String contentId, byte[] body) {
        return send(who, contentId, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static Api.Reply send(Credentials who, String contentId, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(Api.BASE + "/api/contents/" + contentId + "/stream"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "video/mp2t")
                .PUT(body);
        if (who.username() != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response =
                    ObservedCalls.send(HTTP, request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the content's ingest has stopped running; returns its last view. */
    public static JsonObject awaitIngest(String contentId, Duration timeout) {
        JsonObject[] last = {null};
        Precompute.await(timeout, () -> "ingest of " + contentId + " still running: " + last[0], () -> {
            last[0] = Api.get(Credentials.OPERATOR, "/api/contents/" + contentId + "/ingest")
                    .expect(200)
                    .json();
            String state = last[0].getString("state");
            return !state.equals("RECEIVING") && !state.equals("QUEUED") && !state.equals("SEPARATING");
        });
        return last[0];
    }

    /** Uploads the clip and waits until it is READY. */
    public static JsonObject ingest(String contentId, Path clip) {
        upload(Credentials.OPERATOR, contentId, clip).expect(202);
        JsonObject done = awaitIngest(contentId, Duration.ofMinutes(3));
        assertEquals("READY", done.getString("state"), done.toString());
        return done;
    }

    /** The public main stream, whole. */
    public static byte[] mainStream(String contentId) {
        HttpResponse<byte[]> response = getBytes("/media/" + contentId + "/main.ts");
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    /** A raw GET returning bytes (status, headers, body). */
    public static HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofMinutes(2));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return ObservedCalls.send(HTTP, request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Plays the content as the terminal SDK does; returns the rebuilt original. */
    public static byte[] play(Credentials who, String contentId, String terminalId, TerminalSecret secret)
            throws Exception {
        org.splitcast.terminal.sdk.Credentials credentials = new org.splitcast.terminal.sdk.Credentials(
                who.username(), who.password().toCharArray());
        CryptoProvider crypto = CryptoProvider.getDefault();
        URI server = URI.create(Api.BASE);
        Player player = new Player(
                new LicenseClient(server, credentials, crypto, Clock.systemUTC()),
                new DeliveryClient(server, credentials, HTTP, Duration.ofMinutes(1)),
                crypto);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlayReport report = player.play(contentId, terminalId, secret, out, null);
        assertEquals(out.size(), report.bytes(), "the report counts what was written");
        return out.toByteArray();
    }
}

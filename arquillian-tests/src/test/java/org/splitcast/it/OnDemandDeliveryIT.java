package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.PublicKeyTerminal;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Media;
import org.splitcast.it.support.Precompute;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.terminal.sdk.LicenseRequestException;
import org.splitcast.testing.media.Ffprobe;

/**
 * Seed 000 on demand, end to end over real HTTP (claims 1, 4, 10; flows C and D): the operator
 * uploads an H.264 + AAC transport stream, the server separates and seals it in the background,
 * the public main stream is a valid stream of the same shape that differs from the original, and
 * the terminal SDK, with a license, rebuilds the original byte for byte; without a valid license no
 * complementary byte is served; nothing of the complementary information rests in clear.
 */
class OnDemandDeliveryIT extends DeployedEar {

    private static Path clip;
    private static byte[] original;

    @BeforeAll
    static void clip() throws Exception {
        clip = Media.clip(12);
        original = Files.readAllBytes(clip);
    }

    @Test
    void anUploadedStreamIsServedAsAMainStreamAndRebuiltByteForByte() throws Exception {
        String content = Licensing.content(null);
        JsonObject ready = Media.ingest(content, clip);
        JsonObject result = ready.getJsonObject("result");
        assertTrue(ready.getBoolean("published"), ready.toString());
        assertEquals(original.length, result.getJsonNumber("mainLength").longValue());
        assertTrue(result.getJsonNumber("chunks").longValue() >= 5, "2 s chunks of a 12 s clip: " + result);
        double share = result.getJsonNumber("extractedShare").doubleValue();
        assertTrue(share > 0.005 && share < 0.05, "a small share is taken out: " + share);
        assertEquals(2, result.getJsonArray("streams").size(), "video and audio reported: " + result);

        // the public main stream: same length and shape, other bytes
        byte[] main = Media.mainStream(content);
        assertEquals(original.length, main.length);
        assertFalse(Arrays.equals(original, main), "the main stream is not the original");
        Path mainFile = Media.work().resolve(content + "-main.ts");
        Files.write(mainFile, main);
        assertEquals(Ffprobe.summary(clip), Ffprobe.summary(mainFile), "ffprobe sees the same streams and durations");

        // a symmetric terminal and a public-key terminal rebuild the original
        Subscriber viewer = Subscriber.create("viewer");
        Licensing.entitle(viewer.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(viewer.id());
        byte[] played = Media.play(viewer.credentials(), content, tv.id(), new TerminalSecret.Symmetric(tv.kt()));
        assertEquals(sha256(original), sha256(played), "the symmetric terminal's rebuild");
        PublicKeyTerminal phone = Licensing.ecTerminal(viewer.id());
        byte[] played2 = Media.play(
                viewer.credentials(),
                content,
                phone.id(),
                new TerminalSecret.Private(phone.keyPair().getPrivate()));
        assertEquals(sha256(original), sha256(played2), "the public-key terminal's rebuild");
    }

    @Test
    void theMainStreamAnswersRangesAndValidators() {
        String content = Licensing.content(null);
        Media.ingest(content, clip);
        byte[] main = Media.mainStream(content);
        String path = "/media/" + content + "/main.ts";

        HttpResponse<byte[]> middle = Media.getBytes(path, "Range", "bytes=1000-1999");
        assertEquals(206, middle.statusCode());
        assertArrayEquals(Arrays.copyOfRange(main, 1000, 2000), middle.body());
        assertEquals(
                "bytes 1000-1999/" + main.length,
                middle.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<byte[]> tail = Media.getBytes(path, "Range", "bytes=" + (main.length - 10) + "-");
        assertArrayEquals(Arrays.copyOfRange(main, main.length - 10, main.length), tail.body());
        HttpResponse<byte[]> suffix = Media.getBytes(path, "Range", "bytes=-188");
        assertArrayEquals(Arrays.copyOfRange(main, main.length - 188, main.length), suffix.body());

        HttpResponse<byte[]> beyond = Media.getBytes(path, "Range", "bytes=" + main.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals(
                "bytes */" + main.length,
                beyond.headers().firstValue("Content-Range").orElseThrow());

        String etag = middle.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Media.getBytes(path, "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> stale = Media.getBytes(path, "Range", "bytes=0-9", "If-Range", "\"another\"");
        assertEquals(200, stale.statusCode(), "an If-Range that no longer matches gets the whole stream");
        assertEquals(main.length, stale.body().length);
        assertTrue(middle.headers().firstValue("Cache-Control").orElseThrow().contains("public"));
        assertTrue(middle.headers().firstValue("Last-Modified").isPresent());
    }

    @Test
    void noComplementaryByteWithoutAValidLicense() throws Exception {
        String content = Licensing.content(null);
        Media.ingest(content, clip);
        Subscriber owner = Subscriber.create("owner");
        SymmetricTerminal tv = Licensing.symmetricTerminal(owner.id());
        String chunks = "/api/contents/" + content + "/complementary?terminalId=" + tv.id() + "&chunks=0..3";

        // entitled but no license yet
        Licensing.entitle(owner.id(), content);
        get(owner.credentials(), chunks).expectProblem(403, "no-valid-license");

        // with a license: the sealed chunks
        post(owner.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce()))
                .expect(200);
        Api.Reply served = get(owner.credentials(), chunks).expect(200);
        assertEquals("0..3", served.header("Splitcast-Chunks"));
        assertEquals("application/vnd.splitcast.scpe", served.header("Content-Type"));

        // someone else's terminal: forbidden, whoever holds the license
        Subscriber other = Subscriber.create("other");
        get(other.credentials(), chunks).expectProblem(403, "forbidden");
        get(Credentials.NONE, chunks).expectProblem(401, "unauthenticated");

        // a revoked terminal: its license no longer opens anything
        post(owner.credentials(), "/api/subscribers/" + owner.id() + "/terminals/" + tv.id() + "/revoke", null)
                .expect(200);
        get(owner.credentials(), chunks).expectProblem(403, "no-valid-license");
    }

    @Test
    void anExpiredLicenseOpensNothing() throws Exception {
        String content = Licensing.content(null);
        Media.ingest(content, clip);
        Subscriber renter = Subscriber.create("renter");
        SymmetricTerminal tv = Licensing.symmetricTerminal(renter.id());
        // an entitlement that ends in 3 s caps the license at the same time
        Instant until = Instant.now().plusSeconds(3);
        post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + renter.id() + "/entitlements",
                        """
                        {"contentId": "%s", "validUntil": "%s"}"""
                                .formatted(content, until))
                .expect(201);
        post(renter.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce()))
                .expect(200);
        String chunks = "/api/contents/" + content + "/complementary?terminalId=" + tv.id() + "&chunks=header";
        get(renter.credentials(), chunks).expect(200);
        waitUntil(until.plusMillis(500));
        get(renter.credentials(), chunks).expectProblem(403, "no-valid-license");
        LicenseRequestException refused = assertThrows(
                LicenseRequestException.class,
                () -> Media.play(renter.credentials(), content, tv.id(), new TerminalSecret.Symmetric(tv.kt())));
        assertEquals(403, refused.status(), refused.getMessage());
    }

    @Test
    void theStoredComplementaryInformationHoldsNoOriginalBytesInClear() throws Exception {
        String content = Licensing.content(null);
        String version = Media.ingest(content, clip).getString("versionId");
        byte[] main = Media.mainStream(content);

        // the bytes taken out: where main and original differ, each with the 15 bytes after it
        List<byte[]> windows = new ArrayList<>();
        for (int i = 0; i + 16 <= original.length && windows.size() < 400; i++) {
            if (original[i] != main[i]) {
                windows.add(Arrays.copyOfRange(original, i, i + 16));
                i += 16;
            }
        }
        assertTrue(windows.size() >= 200, "enough extracted bytes to look for: " + windows.size());

        Path stored = Path.of(
                System.getProperty("it.data.dir"), "media", "objects", "versions", version, "complementary.scps");
        assertTrue(Files.isRegularFile(stored), "the sealed store of the version: " + stored);
        byte[] sealed = Files.readAllBytes(stored);
        for (byte[] window : windows) {
            assertEquals(-1, indexOf(sealed, window), "an original byte run in clear in the store");
        }
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("it.data.dir"), "media"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals("main.ts")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                for (byte[] window : windows.subList(0, 50)) {
                    assertEquals(-1, indexOf(bytes, window), "original bytes in clear in " + f);
                }
            }
        }
    }

    @Test
    void badUploadsLeaveNoFileAndNoReadyContent() throws Exception {
        String content = Licensing.content(null);
        Path media = Path.of(System.getProperty("it.data.dir"), "media");
        long filesBefore = countFiles(media);

        JsonObject garbage = Media.upload(
                        Credentials.OPERATOR,
                        content,
                        "this is not a transport stream".repeat(100).getBytes())
                .expectProblem(400, "validation");
        assertTrue(garbage.getString("detail").contains("not an MPEG transport stream"), garbage.toString());
        Media.upload(Credentials.OPERATOR, content, new byte[0]).expectProblem(400, "validation");
        JsonObject truncated = Media.upload(
                        Credentials.OPERATOR, content, Arrays.copyOf(original, original.length - 77))
                .expectProblem(400, "validation");
        assertTrue(truncated.getString("detail").contains("truncated"), truncated.toString());
        Media.upload(Credentials.INTEGRATOR, content, original).expectProblem(403, "forbidden");
        // a client that goes away in the middle of the body
        abortedUpload(content, original, original.length / 2);
        JsonObject aborted = Media.awaitIngest(content, Duration.ofSeconds(30));
        assertEquals("FAILED", aborted.getString("state"), aborted.toString());
        assertTrue(aborted.getString("error").contains("interrupted"), aborted.toString());

        assertEquals(
                "FAILED", Media.awaitIngest(content, Duration.ofSeconds(30)).getString("state"));
        assertEquals(404, Media.getBytes("/media/" + content + "/main.ts").statusCode(), "nothing is served");
        assertEquals(filesBefore, countFiles(media), "no file is left behind");

        // the content can still be ingested
        Media.ingest(content, clip);
        assertEquals(original.length, Media.mainStream(content).length);
    }

    @Test
    void aRotatedContentKeyStillPlaysWithANewLicense() throws Exception {
        String content = Licensing.content(null);
        String firstKey = Media.ingest(content, clip).getJsonObject("result").getString("keyId");
        Subscriber fan = Subscriber.create("fan");
        Licensing.entitle(fan.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(fan.id());

        String newKey = post(Credentials.OPERATOR, "/api/contents/" + content + "/keys", null)
                .expect(200)
                .json()
                .getString("currentKeyId");
        assertNotEquals(firstKey, newKey);
        // the served version is re-sealed under the new key in the background
        org.splitcast.it.support.Precompute.await(Duration.ofMinutes(1), () -> "re-sealing under " + newKey, () -> {
            JsonObject v = get(Credentials.OPERATOR, "/api/contents/" + content + "/ingest")
                    .expect(200)
                    .json();
            return v.getString("state").equals("READY")
                    && v.getJsonObject("result").getString("keyId").equals(newKey);
        });
        byte[] played = Media.play(fan.credentials(), content, tv.id(), new TerminalSecret.Symmetric(tv.kt()));
        assertEquals(sha256(original), sha256(played), "rebuilt with a license under the new key");
    }

    /** Sends the headers of an upload of the whole stream, then only {@code sent} bytes, and hangs up. */
    private static void abortedUpload(String content, byte[] body, int sent) throws Exception {
        URI base = URI.create(Api.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            String auth =
                    Base64.getEncoder().encodeToString("operator:splitcast-operator".getBytes(StandardCharsets.UTF_8));
            out.write(("PUT /api/contents/" + content + "/stream HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                            + "Authorization: Basic " + auth + "\r\nContent-Type: video/mp2t\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            // the server is reading the body: wait until it has seen the RECEIVING state's bytes
            Precompute.await(Duration.ofSeconds(30), () -> "the upload of " + content + " to be received", () -> {
                JsonObject v = get(Credentials.OPERATOR, "/api/contents/" + content + "/ingest")
                        .json();
                return v.getString("state").equals("RECEIVING")
                        && v.getJsonNumber("bytesDone").longValue() > 0;
            });
        }
    }

    private static long countFiles(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String nonce() {
        return org.splitcast.license.format.Nonces.generate(org.splitcast.crypto.CryptoProvider.getDefault());
    }

    /** Waits for a moment of the wall clock (a license's expiry, a few seconds away). */
    private static void waitUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(Math.min(ms, 10_000));
        }
    }
}

package org.splitcast.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.terminal.testing.FakeDeliveryServer;
import org.splitcast.terminal.testing.FakeLicenseServer;
import org.splitcast.terminal.testing.SyntheticContent;
import org.splitcast.terminal.testing.TestTerminal;

/**
 * {@code play -o -} in its own JVM with a 64 MiB heap, on a stream many times that size
 * ({@code splitcast.playtest.bytes}, 1 GiB by default; 4 GiB for the full check): the output is
 * byte-identical, it starts while the server is still holding back the second half of the main
 * stream (the server waits for a quarter of the output before it sends the rest: a player that
 * buffered everything would never get there), and the JVM does not run out of memory.
 */
class PlayStreamingTest {

    private static final String CONTENT = "long-film";

    @TempDir
    Path dir;

    @Test
    void playStreamsAStreamFarLargerThanItsHeapAndStartsBeforeTheDownloadEnds() throws Exception {
        long size = Long.getLong("splitcast.playtest.bytes", 1L << 30);
        byte[] kc = CryptoProvider.getDefault().randomBytes(32);
        SyntheticContent content = SyntheticContent.create(size, 7, dir.resolve("store.scps"), CONTENT, "kc-1", kc);
        try (FakeLicenseServer licenses = new FakeLicenseServer(SignatureAlgorithm.ES256)) {
            FakeDeliveryServer server = new FakeDeliveryServer(licenses);
            server.publish(CONTENT, content, dir.resolve("store.scps"));
            licenses.contentKey(CONTENT, "kc-1", kc);
            TestTerminal terminal = TestTerminal.create(TestTerminal.Kind.EC_P256, dir, licenses);
            Path password = Files.writeString(dir.resolve("password"), FakeLicenseServer.PASSWORD);
            CountDownLatch outputFlowing = new CountDownLatch(1);
            server.gateAt = size / 2;
            server.gate = outputFlowing;

            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    System.getProperty("java.class.path"),
                    TerminalCli.class.getName(),
                    "play",
                    "--server",
                    server.uri().toString(),
                    "--terminal",
                    terminal.id(),
                    "--key",
                    terminal.keyFile().toString(),
                    "--content",
                    CONTENT,
                    "--user",
                    FakeLicenseServer.USER,
                    "--password-file",
                    password.toString(),
                    "-o",
                    "-"));
            Process process = new ProcessBuilder(cmd).start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
                try (InputStream err = process.getErrorStream()) {
                    return new String(err.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            AtomicLong sentWhenOutputFlowed = new AtomicLong(-1);
            long read = 0;
            try (InputStream out = process.getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = out.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    read += n;
                    if (read >= size / 4 && outputFlowing.getCount() > 0) {
                        sentWhenOutputFlowed.set(server.mainBytesSent.get());
                        outputFlowing.countDown();
                    }
                }
            }
            assertTrue(process.waitFor(600, TimeUnit.SECONDS), "play did not finish");
            String err = stderr.get(60, TimeUnit.SECONDS);

            assertEquals(0, process.exitValue(), err);
            assertEquals(size, read);
            assertArrayEquals(content.originalSha256(), sha.digest(), "byte-identical output");
            assertFalse(server.gateTimedOut, "the output did not start before the download ended");
            assertTrue(
                    sentWhenOutputFlowed.get() >= 0 && sentWhenOutputFlowed.get() < size,
                    "a quarter of the output was out while the server had sent " + sentWhenOutputFlowed.get() + " of "
                            + size + " bytes");
            assertTrue(err.contains("played long-film: " + size + " bytes"), err);
            if (size >= Progress.LARGE) {
                assertTrue(err.contains("play: "), "progress on stderr: " + err);
            }
        }
    }
}

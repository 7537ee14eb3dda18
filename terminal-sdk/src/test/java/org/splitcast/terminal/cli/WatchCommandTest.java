package org.splitcast.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.terminal.HttpCentralClient;
import org.splitcast.multicast.terminal.LiveClient;

/** The watch command's argument handling; playing itself is tested end to end in edge-node. */
class WatchCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String stdout, String stderr) {}

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TerminalCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        CryptoProvider.getDefault(),
                        Clock.systemUTC())
                .run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpShowsTheWatchCommand() {
        Run r = cli("--help");
        assertEquals(0, r.exit);
        assertTrue(r.stdout.contains("splitcast-terminal watch --server URL --edge URL"), r.stdout);
    }

    @Test
    void helpDocumentsTheExitCodeForLostChunks() {
        Run r = cli("--help");
        assertTrue(r.stdout.contains("8 when interrupted and"), r.stdout);
        assertTrue(r.stdout.contains("8 (watch) chunks lost"), r.stdout);
    }

    private static LiveClient client() {
        CryptoProvider crypto = CryptoProvider.getDefault();
        return new LiveClient(
                new HttpCentralClient(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1)),
                URI.create("http://127.0.0.1:9"),
                "t1",
                new TerminalSecret.Symmetric(new byte[32]),
                "news",
                new DeflateAesGcmChunkSealer(crypto),
                LiveSigner.generate("live", crypto).verifier(),
                OutputStream.nullOutputStream(),
                LiveClient.Options.defaults(),
                crypto,
                Clock.systemUTC(),
                null);
    }

    private static String summary(LiveClient client, int exit, int[] code) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        code[0] = WatchCommand.summary(client, exit, new PrintStream(err, true, StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCompleteRunSaysSoAndEndsWithZero() {
        LiveClient c = client();
        c.chunksWritten.set(120);
        c.bytesWritten.set(1_234_567);
        int[] code = new int[1];
        String line = summary(c, TerminalCli.OK, code);
        assertEquals(0, code[0], line);
        assertTrue(line.contains("120 chunks written (1234567 bytes), 0 lost"), line);
        assertFalse(line.contains("NOT the original"), line);
    }

    @Test
    void lostChunksAreReportedAndMakeTheExitStatusNonZero() {
        LiveClient c = client();
        c.chunksWritten.set(117);
        c.chunksSkipped.set(1);
        c.chunksMissing.set(2);
        c.gaps.set(1);
        int[] code = new int[1];
        String line = summary(c, TerminalCli.OK, code);
        assertEquals(8, code[0], line);
        assertTrue(line.contains("3 lost (1 skipped, 2 never arrived), 1 gaps"), line);
        assertTrue(line.contains("the output is NOT the original stream"), line);
        // a session that ended keeps its own code; the line still counts the lost chunks
        String ended = summary(c, TerminalCli.REFUSED, code);
        assertEquals(4, code[0], ended);
        assertTrue(ended.contains("3 lost"), ended);
    }

    @Test
    void missingOptionsAreUsageErrors() {
        Run r = cli("watch", "--server", "http://127.0.0.1:1", "--terminal", "t1");
        assertEquals(2, r.exit);
        assertTrue(r.stderr.contains("--edge is required"), r.stderr);
        Run bad = cli(
                "watch",
                "--server",
                "ftp://x",
                "--edge",
                "http://127.0.0.1:1",
                "--terminal",
                "t",
                "--key",
                "k",
                "--content",
                "c");
        assertEquals(2, bad.exit);
        assertTrue(bad.stderr.contains("not an http(s) URL"), bad.stderr);
    }

    @Test
    void anUnreachableServerIsAnIoErrorWithoutAStackTrace() throws Exception {
        Path key = dir.resolve("kt.b64");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        Run r = cli(
                "watch",
                "--server",
                "http://127.0.0.1:9",
                "--edge",
                "http://127.0.0.1:9",
                "--terminal",
                "t1",
                "--key",
                key.toString(),
                "--content",
                "news",
                "-o",
                dir.resolve("out.ts").toString());
        assertEquals(5, r.exit, r.stderr);
        assertTrue(r.stderr.contains("cannot reach the server"), r.stderr);
        assertTrue(!r.stderr.contains("Exception"), r.stderr);
    }
}

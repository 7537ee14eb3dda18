package org.splitcast.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.crypto.CryptoProvider;

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

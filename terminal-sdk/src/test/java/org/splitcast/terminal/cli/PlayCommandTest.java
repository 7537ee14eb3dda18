package org.splitcast.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.protection.testing.Clips;
import org.splitcast.protection.testing.ProtectedContent;
import org.splitcast.terminal.testing.FakeDeliveryServer;
import org.splitcast.terminal.testing.FakeDeliveryServer.Tamper;
import org.splitcast.terminal.testing.FakeLicenseServer;
import org.splitcast.terminal.testing.TestTerminal;

/**
 * {@code splitcast-terminal play} against a fake server that serves a really separated H.264 clip
 * (main stream + protected store), and misbehaves in every way a terminal must survive or refuse.
 */
class PlayCommandTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final String CONTENT = FakeLicenseServer.CONTENT;

    @TempDir
    static Path media;

    /** The clip ingested under Kc as content big-buck-bunny, key kc-1. */
    static ProtectedContent content;
    /** The same clip separated again (another main stream) and sealed for another content, same Kc. */
    static ProtectedContent other;

    @TempDir
    Path dir;

    private FakeLicenseServer licenses;
    private FakeDeliveryServer server;
    private TestTerminal terminal;
    private Path passwordFile;
    private final List<Run> runs = new ArrayList<>();

    record Run(int exit, byte[] stdout, String stderr) {}

    @BeforeAll
    static void ingest() throws Exception {
        Path clip = Clips.clip(Clips.Codec.H264_AAC, 12, 640, 360);
        byte[] kc = CRYPTO.randomBytes(32);
        content = ProtectedContent.ingest(clip, media.resolve("a"), CONTENT, "kc-1", kc);
        other = ProtectedContent.ingest(clip, media.resolve("b"), "sintel", "kc-1", kc);
        assertTrue(content.report().chunks() >= 4, "a few chunks to play with");
    }

    @BeforeEach
    void start() throws Exception {
        licenses = new FakeLicenseServer(SignatureAlgorithm.ES256);
        server = new FakeDeliveryServer(licenses);
        server.publish(CONTENT, FakeDeliveryServer.file(content.main()), content.store());
        licenses.contentKey(CONTENT, content.keyId(), content.kc());
        terminal = TestTerminal.create(TestTerminal.Kind.AES_256, dir, licenses);
        passwordFile = Files.writeString(dir.resolve("password"), FakeLicenseServer.PASSWORD + "\n");
    }

    /** Whatever a test ran: no key in any output, no stack trace. */
    @AfterEach
    void noKeyAndNoStackTraceWasPrinted() {
        try {
            for (Run run : runs) {
                String all = run.stderr() + new String(run.stdout(), StandardCharsets.ISO_8859_1);
                assertFalse(run.stderr().contains("\tat ") || run.stderr().contains("Exception"), run.stderr());
                for (byte[] secret : licenses.secrets()) {
                    for (String form : List.of(
                            Base64.getEncoder().encodeToString(secret),
                            HexFormat.of().formatHex(secret),
                            new String(secret, StandardCharsets.ISO_8859_1))) {
                        assertFalse(all.contains(form), "a key was printed");
                    }
                }
            }
        } finally {
            licenses.close();
        }
    }

    private Run play(Clock clock, String... extra) {
        List<String> args = new ArrayList<>(List.of(
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
                passwordFile.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TerminalCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        CRYPTO,
                        clock)
                .run(args.toArray(String[]::new));
        Run run = new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        runs.add(run);
        return run;
    }

    private Run play(String... extra) {
        return play(Clock.systemUTC(), extra);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /** The output file is there, whole, or nothing is: no temporary file either. */
    private void assertNoOutput(Path output) throws IOException {
        assertFalse(Files.exists(output), "a partial output was left");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), names.toString());
        }
    }

    @Test
    void playRebuildsTheOriginalByteForByteIntoAFile() throws Exception {
        Path output = dir.resolve("movie.ts");

        Run run = play("-o", output.toString());

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(content.originalSha256(), sha256(Files.readAllBytes(output)));
        assertEquals(0, run.stdout().length, "nothing on stdout with -o FILE");
        assertTrue(
                run.stderr()
                        .contains("played big-buck-bunny: " + Files.size(output) + " bytes in "
                                + content.report().chunks() + " chunks (content key kc-1)"),
                run.stderr());
        assertNoOutput(dir.resolve("none"));
        assertEquals(1, licenses.issued());
    }

    @Test
    void playWritesTheOriginalToStdout() throws Exception {
        Run run = play("-o", "-", "--quiet");

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(content.originalSha256(), sha256(run.stdout()));
        assertEquals("", run.stderr(), "--quiet");
    }

    @Test
    void theMainStreamDownloadResumesAfterDroppedConnections() throws Exception {
        server.dropMainAfter = 700_000;
        server.mainDropsLeft.set(3);

        Run run = play("-o", "-");

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(content.originalSha256(), sha256(run.stdout()));
        assertEquals(3, server.rangeRequests.get(), "resumed with Range three times");
        assertTrue(run.stderr().contains("download resumed 3x"), run.stderr());
    }

    @Test
    void aMainStreamThatKeepsDroppingWithoutProgressFailsClearly() throws Exception {
        server.dropMainAfter = 0;
        server.mainDropsLeft.set(1000);
        Path output = dir.resolve("movie.ts");

        Run run = play("-o", output.toString());

        assertEquals(TerminalCli.IO, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("5 attempts to resume failed"), run.stderr());
        assertEquals(6, server.mainRequests.get(), "the first request and five attempts");
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertNoOutput(output);
    }

    @Test
    void aBrokenBatchOfChunksIsAskedForAgainAndClippedRangesAreFollowed() throws Exception {
        server.complementaryDropsLeft.set(2);
        server.maxChunksPerResponse = 2;

        Run run = play("-o", "-");

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(content.originalSha256(), sha256(run.stdout()));
    }

    @Test
    void aTamperedChunkStopsThePlayWithNoOutputLeft() throws Exception {
        server.tamper = Tamper.FLIP_BIT;
        server.tamperChunk = 2;
        Path output = dir.resolve("movie.ts");

        Run run = play("-o", output.toString());

        assertEquals(TerminalCli.COMPLEMENTARY_REJECTED, run.exit(), run.stderr());
        assertTrue(
                run.stderr().startsWith("splitcast-terminal: complementary information rejected: chunk 2 "),
                run.stderr());
        assertTrue(run.stderr().contains("altered"), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertNoOutput(output);
    }

    @Test
    void aTamperedChunkStopsStdoutBeforeItsRange() throws Exception {
        server.tamper = Tamper.FLIP_BIT;
        server.tamperChunk = 2;

        Run run = play("-o", "-");

        assertEquals(TerminalCli.COMPLEMENTARY_REJECTED, run.exit(), run.stderr());
        byte[] original = Files.readAllBytes(content.original());
        assertTrue(run.stdout().length < original.length);
        assertArrayEquals(
                java.util.Arrays.copyOf(original, run.stdout().length),
                run.stdout(),
                "what was written before the refusal is the original");
    }

    @Test
    void aChunkFromAnotherPositionIsRefused() throws Exception {
        server.tamper = Tamper.SWAP;
        server.tamperChunk = 1;

        Run run = play("-o", "-");

        assertEquals(TerminalCli.COMPLEMENTARY_REJECTED, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("received chunk 2 where chunk 1 was expected"), run.stderr());
    }

    @Test
    void aChunkOfAnotherContentIsRefusedEvenUnderTheSameKey() throws Exception {
        server.tamper = Tamper.FOREIGN;
        server.tamperChunk = 1;
        server.foreignStore = other.store();

        Run run = play("-o", "-");

        assertEquals(TerminalCli.COMPLEMENTARY_REJECTED, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("chunk 1 does not open"), run.stderr());
    }

    @Test
    void aLicenseWithTheWrongKeyOpensNothing() throws Exception {
        licenses.contentKey(CONTENT, content.keyId(), CRYPTO.randomBytes(32));

        Run run = play("-o", "-");

        assertEquals(TerminalCli.COMPLEMENTARY_REJECTED, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("the header does not open with the key kc-1"), run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @Test
    void chunksUnderAnotherKeyIdGetOneFreshLicense() throws Exception {
        licenses.contentKeys(
                CONTENT,
                new FakeLicenseServer.ContentKey("kc-0", CRYPTO.randomBytes(32)),
                new FakeLicenseServer.ContentKey(content.keyId(), content.kc()));

        Run run = play("-o", "-");

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(content.originalSha256(), sha256(run.stdout()));
        assertEquals(2, licenses.issued());
        assertTrue(run.stderr().contains("after a fresh license"), run.stderr());
    }

    @Test
    void chunksUnderAKeyIdNoLicenseGivesAreRefusedAfterOneRetry() throws Exception {
        licenses.contentKeys(CONTENT, new FakeLicenseServer.ContentKey("kc-0", CRYPTO.randomBytes(32)));

        Run run = play("-o", "-");

        assertEquals(TerminalCli.COMPLEMENTARY_REJECTED, run.exit(), run.stderr());
        assertTrue(
                run.stderr().contains("sealed under key kc-1, but a fresh license still gives key kc-0"), run.stderr());
        assertEquals(2, licenses.issued());
    }

    @Test
    void anExpiredLicenseIsRefusedBeforeAnythingIsFetched() throws Exception {
        Path output = dir.resolve("movie.ts");

        Run run = play(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)), "-o", output.toString());

        assertEquals(TerminalCli.REJECTED, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("expired"), run.stderr());
        assertEquals(0, server.complementaryRequests.get());
        assertNoOutput(output);
    }

    @Test
    void aMainStreamOfAnotherSeparationIsRefused() throws Exception {
        server.publish(CONTENT, FakeDeliveryServer.file(other.main()), content.store());
        Path output = dir.resolve("movie.ts");

        Run run = play("-o", output.toString());

        assertEquals(TerminalCli.MAIN_STREAM_MISMATCH, run.exit(), run.stderr());
        assertTrue(run.stderr().startsWith("splitcast-terminal: main stream does not match: "), run.stderr());
        assertNoOutput(output);
    }

    @Test
    void aMainStreamOfAnotherLengthIsRefusedAtOnce() throws Exception {
        Path cut = dir.resolve("cut.ts");
        byte[] main = Files.readAllBytes(content.main());
        Files.write(cut, java.util.Arrays.copyOf(main, main.length - 188));
        server.publish(CONTENT, FakeDeliveryServer.file(cut), content.store());

        Run run = play("-o", "-");

        assertEquals(TerminalCli.MAIN_STREAM_MISMATCH, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("truncated"), run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @Test
    void refusalsOfTheDeliveryAreReportedWithTheirCode() throws Exception {
        for (Object[] refusal : new Object[][] {{403, "no-valid-license"}, {409, "not-ready"}}) {
            server.refuseStatus = (Integer) refusal[0];
            server.refuseCode = (String) refusal[1];

            Run run = play("-o", "-", "--wait-ready", "0");

            assertEquals(TerminalCli.REFUSED, run.exit(), run.stderr());
            assertTrue(run.stderr().contains("HTTP " + refusal[0] + " " + refusal[1]), run.stderr());
        }
    }

    @Test
    void aContentNotReadyYetIsAskedForAgainUntilItIs() throws Exception {
        server.refuseStatus = 409;
        server.refuseCode = "not-ready";
        server.refusalsLeft.set(2);

        Run run = play("-o", "-", "--wait-ready", "30");

        assertEquals(0, run.exit(), run.stderr() + " after " + server.complementaryRequests.get() + " requests");
        assertArrayEquals(content.originalSha256(), sha256(run.stdout()));
        assertEquals(0, server.refusalsLeft.get(), "both refusals were met");
        assertEquals(
                2 + 1 + (content.report().chunks() + 15) / 16 + 1,
                server.complementaryRequests.get(),
                "two refused header requests, then header, one batch, trailer");
    }

    @Test
    void waitReadyMustBeANumberOfSeconds() {
        Run run = play("-o", "-", "--wait-ready", "soon");

        assertEquals(TerminalCli.USAGE, run.exit());
        assertTrue(run.stderr().contains("--wait-ready: a number of seconds"), run.stderr());
    }

    @Test
    void aContentTheServerDoesNotHaveIsNotFound() throws Exception {
        licenses.contentKey("nothing-here", "kc-9", CRYPTO.randomBytes(32));
        List<String> args = new ArrayList<>(List.of(
                "play",
                "--server",
                server.uri().toString(),
                "--terminal",
                terminal.id(),
                "--key",
                terminal.keyFile().toString(),
                "--content",
                "nothing-here",
                "--user",
                FakeLicenseServer.USER,
                "--password-file",
                passwordFile.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TerminalCli(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        CRYPTO,
                        Clock.systemUTC())
                .run(args.toArray(String[]::new));
        assertEquals(TerminalCli.REFUSED, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("HTTP 404 not-found"));
    }

    @Test
    void playNeedsItsOptions() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TerminalCli(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        CRYPTO,
                        Clock.systemUTC())
                .run("play", "--server", server.uri().toString(), "-o");
        assertEquals(TerminalCli.USAGE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output needs a value"));
    }
}

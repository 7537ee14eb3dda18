package org.splitcast.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.terminal.testing.FakeLicenseServer;
import org.splitcast.terminal.testing.FakeLicenseServer.Mode;
import org.splitcast.terminal.testing.TestTerminal;
import org.splitcast.terminal.testing.TestTerminal.Kind;

class TerminalCliTest {

    @TempDir
    Path dir;

    private FakeLicenseServer server;
    private Path passwordFile;
    private final List<Run> runs = new ArrayList<>();

    record Run(int exit, String stdout, String stderr) {}

    @BeforeEach
    void start() throws IOException {
        server = new FakeLicenseServer(SignatureAlgorithm.PS256);
        passwordFile = Files.writeString(dir.resolve("password"), FakeLicenseServer.PASSWORD + "\n");
    }

    /** Whatever a test ran: no key the server handled, no stack trace, in any output. */
    @AfterEach
    void noKeyAndNoStackTraceWasPrinted() {
        try {
            for (Run run : runs) {
                String all = run.stdout() + run.stderr();
                assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), all);
                for (byte[] secret : server.secrets()) {
                    for (String form : List.of(
                            Base64.getEncoder().encodeToString(secret),
                            Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                            HexFormat.of().formatHex(secret),
                            HexFormat.of().withUpperCase().formatHex(secret),
                            HexFormat.ofDelimiter(":").formatHex(secret))) {
                        assertFalse(all.contains(form), "a key was printed: " + all);
                    }
                }
            }
        } finally {
            server.close();
        }
    }

    private Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new TerminalCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        CryptoProvider.getDefault(),
                        Clock.systemUTC())
                .run(args);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        runs.add(run);
        return run;
    }

    private Run cli(String... args) {
        return cli(Map.of(), args);
    }

    private List<String> license(TestTerminal terminal, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "license",
                "--server",
                server.uri().toString(),
                "--terminal",
                terminal.id(),
                "--key",
                terminal.keyFile().toString(),
                "--content",
                FakeLicenseServer.CONTENT,
                "--user",
                FakeLicenseServer.USER,
                "--password-file",
                passwordFile.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void licensePrintsWhatItAllowsAndExitsZero(Kind kind) throws Exception {
        TestTerminal terminal = TestTerminal.create(kind, dir, server);

        Run run = cli(license(terminal).toArray(String[]::new));

        assertEquals(0, run.exit(), run.stderr());
        assertEquals("", run.stderr());
        String out = run.stdout();
        assertTrue(out.contains("license id:        lic-"), out);
        assertTrue(out.contains("content id:        big-buck-bunny"), out);
        assertTrue(out.contains("terminal id:       " + terminal.id()), out);
        assertTrue(out.contains("content key id:    kc-1"), out);
        assertTrue(out.contains("signing key:       ls-ps256-1 (PS256)"), out);
        assertTrue(out.contains("access:            computed"), out);
        assertTrue(out.matches("(?s).*issued at:         20\\d\\d-.*Z\n.*"), out);
        assertTrue(out.contains("valid from:        "), out);
        assertTrue(out.contains("valid until:       "), out);
        assertTrue(out.contains("max plays:         3"), out);
        assertTrue(out.contains("rental window:     48 hours"), out);
        assertTrue(out.contains("recording allowed: no"), out);
        assertTrue(
                out.matches("(?s).*fingerprint \\(SHA-256 prefix, not the key\\) ([0-9a-f]{2}:){7}[0-9a-f]{2}\n.*"),
                out);
    }

    @Test
    void credentialsFromTheEnvironment() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);

        Run run = cli(
                Map.of("SPLITCAST_USER", FakeLicenseServer.USER, "SPLITCAST_PASSWORD", FakeLicenseServer.PASSWORD),
                "license",
                "--server=" + server.uri(),
                "--terminal=" + terminal.id(),
                "--key=" + terminal.keyFile(),
                "--content=" + FakeLicenseServer.CONTENT);

        assertEquals(0, run.exit(), run.stderr());
    }

    @Test
    void helpExitsZero() {
        Run run = cli("--help");

        assertEquals(0, run.exit());
        assertTrue(run.stdout().startsWith("Usage:\n  splitcast-terminal license --server URL"), run.stdout());
        assertTrue(run.stdout().contains("Exit codes: 0 ok, 2 usage error"), run.stdout());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        List<String> noContent = license(terminal);
        int at = noContent.indexOf("--content");
        noContent.remove(at);
        noContent.remove(at);

        for (String[] args : List.of(
                new String[0],
                new String[] {"play"},
                noContent.toArray(String[]::new),
                license(terminal, "--color", "red").toArray(String[]::new),
                license(terminal, "--content", "twice").toArray(String[]::new),
                license(terminal, "stray").toArray(String[]::new),
                new String[] {"license", "--server", "ftp://x", "--terminal", "t", "--key", "k", "--content", "c"})) {
            Run run = cli(args);
            assertEquals(2, run.exit(), String.join(" ", args) + " -> " + run.stderr());
            assertTrue(run.stderr().startsWith("splitcast-terminal: "), run.stderr());
            assertTrue(run.stderr().contains("Try 'splitcast-terminal --help'."), run.stderr());
        }
        Run noPassword = cli(
                Map.of("SPLITCAST_USER", "alice"),
                "license",
                "--server",
                server.uri().toString(),
                "--terminal",
                terminal.id(),
                "--key",
                terminal.keyFile().toString(),
                "--content",
                "c");
        assertEquals(2, noPassword.exit());
        assertTrue(noPassword.stderr().contains("no password for user 'alice'"), noPassword.stderr());
    }

    @Test
    void malformedKeyFileExitsTwoWithAClearMessage() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        Files.writeString(terminal.keyFile(), "this is not a key\n");

        Run run = cli(license(terminal).toArray(String[]::new));

        assertEquals(2, run.exit());
        assertEquals(
                "splitcast-terminal: unusable key file " + terminal.keyFile() + ": neither a PEM private key"
                        + " (-----BEGIN PRIVATE KEY-----) nor the base64 of a 32-byte AES key\n",
                run.stderr());
    }

    @Test
    void replayedLicenseExitsThree() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.EC_P256, dir, server);
        assertEquals(0, cli(license(terminal).toArray(String[]::new)).exit());
        server.mode(Mode.REPLAY);

        Run run = cli(license(terminal).toArray(String[]::new));

        assertEquals(3, run.exit());
        assertTrue(run.stderr().startsWith("splitcast-terminal: license rejected: REPLAYED_NONCE: "), run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void savedLicenseVerifiesWithItsNonceAndNoOther() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.X25519, dir, server);
        Path saved = dir.resolve("license.json");
        Run first = cli(license(terminal, "--save", saved.toString()).toArray(String[]::new));
        assertEquals(0, first.exit(), first.stderr());
        Matcher nonce = Pattern.compile("nonce:\\s+(\\S+)").matcher(first.stdout());
        assertTrue(nonce.find(), first.stdout());

        List<String> verify = List.of(
                "verify",
                "--server",
                server.uri().toString(),
                "--terminal",
                terminal.id(),
                "--key",
                terminal.keyFile().toString(),
                "--content",
                FakeLicenseServer.CONTENT,
                "--license",
                saved.toString(),
                "--nonce");
        Run same = cli(concat(verify, nonce.group(1)));
        Run other = cli(concat(verify, "q0sQ0mG0s3Qm0W6qvY0hWQ"));

        assertEquals(0, same.exit(), same.stderr());
        assertTrue(same.stdout().contains("license id:"), same.stdout());
        assertEquals(3, other.exit());
        assertTrue(other.stderr().startsWith("splitcast-terminal: license rejected: REPLAYED_NONCE"), other.stderr());
    }

    private static String[] concat(List<String> args, String last) {
        List<String> all = new ArrayList<>(args);
        all.add(last);
        return all.toArray(String[]::new);
    }

    @Test
    void refusalExitsFourWithTheProblem() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        server.mode(Mode.REFUSE);

        Run run = cli(license(terminal).toArray(String[]::new));

        assertEquals(4, run.exit());
        assertEquals(
                "splitcast-terminal: server refused: HTTP 403 play-limit-reached: content 'big-buck-bunny'"
                        + " allows 3 plays within 48 hours and subscriber 'alice' has had them\n",
                run.stderr());
    }

    @Test
    void wrongPasswordExitsFour() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        Files.writeString(passwordFile, "wrong\n");

        Run run = cli(license(terminal).toArray(String[]::new));

        assertEquals(4, run.exit());
        assertTrue(run.stderr().contains("HTTP 401 unauthenticated"), run.stderr());
    }

    @Test
    void connectionAndFileErrorsExitFive() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> refused = license(terminal);
        refused.set(refused.indexOf("--server") + 1, "http://127.0.0.1:" + port + "/");
        List<String> missingKey = license(terminal);
        missingKey.set(
                missingKey.indexOf("--key") + 1, dir.resolve("missing.key").toString());

        Run connection = cli(refused.toArray(String[]::new));
        Run file = cli(missingKey.toArray(String[]::new));

        assertEquals(5, connection.exit());
        assertEquals(
                "splitcast-terminal: cannot connect to http://127.0.0.1:" + port + "/: connection refused\n",
                connection.stderr());
        assertEquals(5, file.exit());
        assertTrue(file.stderr().startsWith("splitcast-terminal: no such file: "), file.stderr());
    }
}

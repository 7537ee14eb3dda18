package org.splitcast.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.terminal.testing.FakeLicenseServer;
import org.splitcast.terminal.testing.TestTerminal;

/**
 * What a user gets from {@code mvn package}: {@code bin/splitcast-terminal} runs the packaged jar
 * with the dependencies its manifest names in target/lib, against a fake server.
 */
class TerminalScriptIT {

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {}

    private static Run script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("env");
        cmd.add("JAVA_HOME=" + System.getProperty("java.home"));
        cmd.add(System.getProperty("splitcast.terminal.script", "bin/splitcast-terminal"));
        cmd.addAll(List.of(args));
        Process process = new ProcessBuilder(cmd).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the script did not finish");
        return new Run(process.exitValue(), out, err.get());
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void scriptGetsAndVerifiesALicense() throws Exception {
        try (FakeLicenseServer server = new FakeLicenseServer(SignatureAlgorithm.ES256)) {
            TestTerminal terminal = TestTerminal.create(TestTerminal.Kind.EC_P256, dir, server);
            Path password = Files.writeString(dir.resolve("pw"), FakeLicenseServer.PASSWORD);

            Run run = script(
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
                    password.toString());

            assertEquals(0, run.exit(), run.stderr());
            assertTrue(run.stdout().contains("signing key:       ls-es256-1 (ES256)"), run.stdout());
        }
    }

    @Test
    void scriptPlaysARealClipIntoAFile() throws Exception {
        byte[] kc = org.splitcast.crypto.CryptoProvider.getDefault().randomBytes(32);
        org.splitcast.protection.testing.ProtectedContent content =
                org.splitcast.protection.testing.ProtectedContent.ingest(
                        org.splitcast.protection.testing.Clips.clip(
                                org.splitcast.protection.testing.Clips.Codec.H264_AAC, 12, 640, 360),
                        dir.resolve("ingest"),
                        FakeLicenseServer.CONTENT,
                        "kc-1",
                        kc);
        try (FakeLicenseServer server = new FakeLicenseServer(SignatureAlgorithm.ES256)) {
            org.splitcast.terminal.testing.FakeDeliveryServer delivery =
                    new org.splitcast.terminal.testing.FakeDeliveryServer(server);
            delivery.publish(
                    FakeLicenseServer.CONTENT,
                    org.splitcast.terminal.testing.FakeDeliveryServer.file(content.main()),
                    content.store());
            server.contentKey(FakeLicenseServer.CONTENT, "kc-1", kc);
            TestTerminal terminal = TestTerminal.create(TestTerminal.Kind.X25519, dir, server);
            Path password = Files.writeString(dir.resolve("pw"), FakeLicenseServer.PASSWORD);
            Path output = dir.resolve("played.ts");

            Run run = script(
                    "play",
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
                    password.toString(),
                    "-o",
                    output.toString());

            assertEquals(0, run.exit(), run.stderr());
            assertTrue(
                    java.util.Arrays.equals(
                            content.originalSha256(),
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(output))),
                    "the played file is the original");
        }
    }

    @Test
    void scriptHelpAndUsageExitCodes() throws Exception {
        Run help = script("--help");
        Run usage = script("license");

        assertEquals(0, help.exit(), help.stderr());
        assertTrue(help.stdout().startsWith("Usage:"), help.stdout());
        assertEquals(2, usage.exit());
        assertTrue(usage.stderr().startsWith("splitcast-terminal: --server is required"), usage.stderr());
    }
}

package org.splitcast.terminal.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.License;
import org.splitcast.license.format.LicenseRejectedException;
import org.splitcast.license.format.LicenseRejectedException.Reason;
import org.splitcast.license.format.Nonces;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.license.format.VerifiedLicense;
import org.splitcast.terminal.testing.FakeLicenseServer;
import org.splitcast.terminal.testing.FakeLicenseServer.Mode;
import org.splitcast.terminal.testing.TestTerminal;
import org.splitcast.terminal.testing.TestTerminal.Kind;

class LicenseClientTest {

    private static final String CONTENT = FakeLicenseServer.CONTENT;

    @TempDir
    Path dir;

    private FakeLicenseServer server;
    private LicenseClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeLicenseServer(SignatureAlgorithm.ES256);
        client =
                client(server.uri(), new Credentials(FakeLicenseServer.USER, FakeLicenseServer.PASSWORD.toCharArray()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static LicenseClient client(URI uri, Credentials credentials) {
        return new LicenseClient(uri, credentials, CryptoProvider.getDefault(), Clock.systemUTC());
    }

    private TerminalSecret secret(TestTerminal terminal) throws IOException {
        return TerminalKeyFiles.load(terminal.keyFile());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void goodLicenseVerifiesAndGivesKc(Kind kind) throws Exception {
        TestTerminal terminal = TestTerminal.create(kind, dir, server);

        ObtainedLicense obtained = client.requestLicense(terminal.id(), CONTENT, secret(terminal));

        VerifiedLicense license = obtained.license();
        byte[] issuedKc = server.secrets().stream()
                .filter(k -> java.util.Arrays.equals(k, license.contentKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Kc is not the one the server wrapped"));
        assertArrayEquals(issuedKc, license.contentKey());
        assertEquals(CONTENT, license.contentId());
        assertEquals(terminal.id(), license.terminalId());
        assertEquals(FakeLicenseServer.RULES, license.rules());
        assertEquals("ls-es256-1", license.signingKeyId());
        assertEquals(SignatureAlgorithm.ES256, license.algorithm());
        assertEquals("computed", obtained.access());
        assertEquals(obtained.raw().licenseId(), license.licenseId());
        assertEquals(1, server.keySetFetches());
    }

    @Test
    void requestCarriesTheIdsAndAFreshNoncePerRequest() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);

        client.requestLicense(terminal.id(), CONTENT, secret(terminal));
        ObtainedLicense second = client.requestLicense(terminal.id(), CONTENT, secret(terminal));

        List<JsonNode> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(CONTENT, requests.get(0).get("contentId").asText());
        assertEquals(terminal.id(), requests.get(0).get("terminalId").asText());
        String first = requests.get(0).get("nonce").asText();
        assertTrue(Nonces.isValid(first), first);
        assertNotEquals(first, requests.get(1).get("nonce").asText());
        assertEquals("precomputed", second.access());
        assertEquals(1, server.keySetFetches(), "the key set is kept");
    }

    @Test
    void serverEchoingAnOldAnswerIsRejectedAsReplay() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.X25519, dir, server);
        client.requestLicense(terminal.id(), CONTENT, secret(terminal));
        server.mode(Mode.REPLAY);

        LicenseRejectedException e = assertThrows(
                LicenseRejectedException.class, () -> client.requestLicense(terminal.id(), CONTENT, secret(terminal)));

        assertEquals(Reason.REPLAYED_NONCE, e.reason());
    }

    @Test
    void problemDetailsBecomeALicenseRequestException() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        server.mode(Mode.REFUSE);

        LicenseRequestException e = assertThrows(
                LicenseRequestException.class, () -> client.requestLicense(terminal.id(), CONTENT, secret(terminal)));

        assertEquals(403, e.status());
        assertEquals("play-limit-reached", e.code());
        assertEquals("https://splitcast.org/problems/play-limit-reached", e.type());
        assertTrue(e.detail().startsWith("content 'big-buck-bunny' allows 3 plays"), e.detail());
    }

    @Test
    void missingCredentialsGiveUnauthenticated() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        LicenseClient anonymous = client(server.uri(), null);
        LicenseClient wrong = client(server.uri(), new Credentials(FakeLicenseServer.USER, "guess".toCharArray()));

        for (LicenseClient c : List.of(anonymous, wrong)) {
            LicenseRequestException e = assertThrows(
                    LicenseRequestException.class, () -> c.requestLicense(terminal.id(), CONTENT, secret(terminal)));
            assertEquals(401, e.status());
            assertEquals("unauthenticated", e.code());
        }
    }

    @Test
    void errorWithoutProblemDetailsKeepsTheStatus() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        server.mode(Mode.HTML_ERROR);

        LicenseRequestException e = assertThrows(
                LicenseRequestException.class, () -> client.requestLicense(terminal.id(), CONTENT, secret(terminal)));

        assertEquals(500, e.status());
        assertNull(e.code());
        assertTrue(e.detail().contains("text/html"), e.detail());
    }

    @Test
    void answerThatIsNotALicenseIsMalformed() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        server.mode(Mode.GARBAGE);

        LicenseRejectedException e = assertThrows(
                LicenseRejectedException.class, () -> client.requestLicense(terminal.id(), CONTENT, secret(terminal)));

        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void rotatedSigningKeyIsFetchedOnce() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.EC_P256, dir, server);
        client.requestLicense(terminal.id(), CONTENT, secret(terminal));
        server.rotate(SignatureAlgorithm.PS256, "ls-ps256-2", true);

        ObtainedLicense afterRotation = client.requestLicense(terminal.id(), CONTENT, secret(terminal));

        assertEquals("ls-ps256-2", afterRotation.license().signingKeyId());
        assertEquals(SignatureAlgorithm.PS256, afterRotation.license().algorithm());
        assertEquals(2, server.keySetFetches());
    }

    @Test
    void signingKeyMissingEvenAfterRefetchIsRejectedWithoutLooping() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, server);
        client.fetchKeySet();
        server.rotate(SignatureAlgorithm.EdDSA, "ls-eddsa-unpublished", false);

        LicenseRejectedException e = assertThrows(
                LicenseRejectedException.class, () -> client.requestLicense(terminal.id(), CONTENT, secret(terminal)));

        assertEquals(Reason.UNKNOWN_SIGNING_KEY, e.reason());
        assertEquals(2, server.keySetFetches());
    }

    @Test
    void licenseObtainedElsewhereVerifiesOnlyWithItsNonce() throws Exception {
        TestTerminal terminal = TestTerminal.create(Kind.RSA, dir, server);
        String nonce = Nonces.generate(CryptoProvider.getDefault());
        ObtainedLicense obtained = client.requestLicense(terminal.id(), CONTENT, secret(terminal), nonce);
        License saved = License.fromJson(obtained.raw().toJson());
        LicenseClient elsewhere = client(server.uri(), null);

        VerifiedLicense again = elsewhere.verify(saved, terminal.id(), secret(terminal), CONTENT, nonce);
        LicenseRejectedException replay = assertThrows(
                LicenseRejectedException.class,
                () -> elsewhere.verify(
                        saved, terminal.id(), secret(terminal), CONTENT, Nonces.generate(CryptoProvider.getDefault())));

        assertArrayEquals(obtained.license().contentKey(), again.contentKey());
        assertEquals(Reason.REPLAYED_NONCE, replay.reason());
    }

    @Test
    void unreachableServerIsAnIoError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LicenseClient nowhere = client(URI.create("http://127.0.0.1:" + port), null);
        TestTerminal terminal = TestTerminal.create(Kind.AES_256, dir, null);

        assertThrows(ConnectException.class, () -> nowhere.requestLicense(terminal.id(), CONTENT, secret(terminal)));
    }

    @Test
    void serverUriMustBeHttp() {
        assertThrows(IllegalArgumentException.class, () -> client(URI.create("ftp://host/"), null));
        assertThrows(IllegalArgumentException.class, () -> client(URI.create("/relative"), null));
        assertEquals(
                URI.create("http://h:8080/base/"),
                client(URI.create("http://h:8080/base"), null).server());
    }

    @Test
    void credentialsNeverShowThePassword() {
        Credentials credentials = new Credentials("alice", "s3cret-pass".toCharArray());

        assertTrue(!credentials.toString().contains("s3cret"), credentials.toString());
        assertThrows(IllegalArgumentException.class, () -> new Credentials("a:b", new char[] {'x'}));
    }
}

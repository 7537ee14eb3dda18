package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.license.format.Fixtures.ACCESS_EXPIRES;
import static org.splitcast.license.format.Fixtures.CONTENT;
import static org.splitcast.license.format.Fixtures.CONTENT_KEY_ID;
import static org.splitcast.license.format.Fixtures.GRANT_EXPIRES;
import static org.splitcast.license.format.Fixtures.NOW;
import static org.splitcast.license.format.Fixtures.RULES;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.Fixtures.Issued;
import org.splitcast.license.format.Fixtures.Terminal;
import org.splitcast.license.format.Fixtures.TerminalKind;

class LicenseRoundTripTest {

    /** Every terminal key type × every signature algorithm × (server provider, terminal provider). */
    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (TerminalKind kind : TerminalKind.values()) {
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                all.add(Arguments.of(kind, algorithm, "default", "bouncycastle"));
                all.add(Arguments.of(kind, algorithm, "bouncycastle", "default"));
            }
        }
        return all.stream();
    }

    private static CryptoProvider provider(String name) {
        return name.equals("default") ? Fixtures.CRYPTO : Fixtures.BC;
    }

    @ParameterizedTest(name = "{0} terminal, {1}, issued with {2}, verified with {3}")
    @MethodSource("combinations")
    void issuedLicenseVerifiesAndGivesKc(
            TerminalKind kind, SignatureAlgorithm algorithm, String server, String terminal) throws Exception {
        Terminal t = Fixtures.terminal(kind);
        Issued issued = Fixtures.issue(t, Fixtures.signingKey(algorithm), provider(server));
        LicenseVerifier verifier =
                new LicenseVerifier(Fixtures.KEY_SET, provider(terminal), LicenseVerifier.DEFAULT_CLOCK_SKEW);

        VerifiedLicense verified =
                verifier.verify(issued.license(), t.id(), t.terminalSide(), CONTENT, issued.nonce(), NOW);

        assertArrayEquals(issued.contentKey(), verified.contentKey());
        assertEquals(issued.license().licenseId(), verified.licenseId());
        assertEquals(CONTENT, verified.contentId());
        assertEquals(t.id(), verified.terminalId());
        assertEquals(CONTENT_KEY_ID, verified.keyId());
        assertEquals(RULES, verified.rules());
        assertEquals(NOW, verified.issuedAt());
        assertEquals(NOW, verified.notBefore());
        assertEquals(GRANT_EXPIRES, verified.notAfter());
        assertEquals(NOW.minusSeconds(3600), verified.accessComputedAt());
        assertEquals(Fixtures.signingKey(algorithm).keyId(), verified.signingKeyId());
        assertEquals(algorithm, verified.algorithm());
    }

    @ParameterizedTest
    @MethodSource("terminalKinds")
    void accessBlockHasTheDocumentedShape(TerminalKind kind) {
        Terminal t = Fixtures.terminal(kind);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.PS256);
        CompactJws access = CompactJws.parse(issued.license().access(), "access");
        JsonNode payload = Json.readObject(access.payload(), "payload");

        assertEquals("PS256", access.header().get("alg").textValue());
        assertEquals("ls-ps256-1", access.header().get("kid").textValue());
        assertEquals("splitcast-access+jws", access.header().get("typ").textValue());
        assertEquals(1, payload.get("v").intValue());
        assertEquals(CONTENT, payload.get("cid").textValue());
        assertEquals(t.id(), payload.get("tid").textValue());
        assertEquals(CONTENT_KEY_ID, payload.get("kid").textValue());
        assertEquals(ACCESS_EXPIRES.getEpochSecond(), payload.get("exp").longValue());
        assertEquals(3, payload.get("rules").get("maxPlays").intValue());
        assertEquals(48, payload.get("rules").get("windowHours").intValue());
        assertFalse(payload.get("rules").get("recordingAllowed").booleanValue());
        assertEquals(384, access.signature().length, "PS256 with RSA 3072");
        JsonNode wrap = payload.get("wrap");
        byte[] key = Base64Url.decode(wrap.get("key").textValue());
        switch (kind) {
            case AES_256 -> {
                assertEquals("A256KW", wrap.get("alg").textValue());
                assertEquals(40, key.length);
                assertNull(issued.access().grantKey(), "Km of a symmetric terminal is derived, not stored");
            }
            case RSA_2048, RSA_3072 -> {
                assertEquals("RSA-OAEP-256", wrap.get("alg").textValue());
                assertEquals(kind == TerminalKind.RSA_2048 ? 256 : 384, key.length);
                assertEquals(32, issued.access().grantKey().length);
            }
            case EC_P256 -> {
                assertEquals("ECDH-ES+A256KW", wrap.get("alg").textValue());
                assertEquals(72, key.length);
                assertEquals("EC", wrap.get("epk").get("kty").textValue());
                assertEquals("P-256", wrap.get("epk").get("crv").textValue());
                assertEquals(32, Base64Url.decode(wrap.get("epk").get("y").textValue()).length);
            }
            case X25519 -> {
                assertEquals("ECDH-ES+A256KW", wrap.get("alg").textValue());
                assertEquals(72, key.length);
                assertEquals("OKP", wrap.get("epk").get("kty").textValue());
                assertEquals("X25519", wrap.get("epk").get("crv").textValue());
                assertNull(wrap.get("epk").get("y"));
            }
        }
    }

    static Stream<TerminalKind> terminalKinds() {
        return Stream.of(TerminalKind.values());
    }

    @Test
    void grantHasTheDocumentedShape() {
        Issued issued = Fixtures.issue(Fixtures.terminal(TerminalKind.AES_256), SignatureAlgorithm.ES256);
        CompactJws grant = CompactJws.parse(issued.license().grant(), "grant");
        JsonNode payload = Json.readObject(grant.payload(), "payload");

        assertEquals("HS256", grant.header().get("alg").textValue());
        assertEquals("splitcast-grant+jws", grant.header().get("typ").textValue());
        assertEquals(32, grant.signature().length);
        assertEquals(issued.nonce(), payload.get("nonce").textValue());
        assertEquals(NOW.getEpochSecond(), payload.get("iat").longValue());
        assertEquals(NOW.getEpochSecond(), payload.get("nbf").longValue());
        assertEquals(GRANT_EXPIRES.getEpochSecond(), payload.get("exp").longValue());
        assertEquals(
                GrantComposer.accessBinding(issued.license().access(), Fixtures.CRYPTO),
                payload.get("ab").textValue());
    }

    @Test
    void unlimitedRulesTravelAsNull() throws Exception {
        Terminal t = Fixtures.terminal(TerminalKind.X25519);
        byte[] kc = Fixtures.CRYPTO.randomBytes(32);
        AccessRules unlimited = new AccessRules(null, null, true);
        AccessBlock access = new AccessBlockComposer(Fixtures.CRYPTO)
                .compose(
                        CONTENT,
                        t.id(),
                        "k",
                        kc,
                        t.serverSide(),
                        unlimited,
                        NOW,
                        ACCESS_EXPIRES,
                        Fixtures.signingKey(SignatureAlgorithm.EdDSA));
        String nonce = Nonces.generate(Fixtures.CRYPTO);
        String grant = new GrantComposer(Fixtures.CRYPTO)
                .compose(access.compact(), access.grantKey(), "lic-1", nonce, NOW, NOW, ACCESS_EXPIRES);
        License license = new License(License.FORMAT, "lic-1", CONTENT, t.id(), "k", access.compact(), grant);

        VerifiedLicense verified = Fixtures.verifier().verify(license, t.id(), t.terminalSide(), CONTENT, nonce, NOW);

        assertEquals(unlimited, verified.rules());
        JsonNode rules = Json.readObject(CompactJws.parse(access.compact(), "a").payload(), "p")
                .get("rules");
        assertTrue(rules.get("maxPlays").isNull());
        assertTrue(rules.get("windowHours").isNull());
    }

    @Test
    void accessBlockTimesAreWholeSeconds() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        AccessBlock access = new AccessBlockComposer(Fixtures.CRYPTO)
                .compose(
                        CONTENT,
                        t.id(),
                        "k",
                        new byte[32],
                        t.serverSide(),
                        RULES,
                        NOW.plusMillis(999),
                        ACCESS_EXPIRES.plusMillis(500),
                        Fixtures.signingKey(SignatureAlgorithm.ES256));

        assertEquals(NOW, access.computedAt());
        assertEquals(ACCESS_EXPIRES, access.expiresAt());
    }

    @Test
    void everyAccessBlockWrapsWithAFreshEphemeralKeyAndKm() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        Issued first = Fixtures.issue(t, SignatureAlgorithm.ES256);
        Issued second = Fixtures.issue(t, SignatureAlgorithm.ES256);

        JsonNode epk1 = Json.readObject(
                        CompactJws.parse(first.license().access(), "a").payload(), "p")
                .at("/wrap/epk");
        JsonNode epk2 = Json.readObject(
                        CompactJws.parse(second.license().access(), "a").payload(), "p")
                .at("/wrap/epk");
        assertFalse(epk1.equals(epk2));
        assertFalse(java.util.Arrays.equals(
                first.access().grantKey(), second.access().grantKey()));
    }

    @Test
    void composersAreSafeToShareBetweenThreads() throws Exception {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        SigningKey signing = Fixtures.signingKey(SignatureAlgorithm.ES256);
        AccessBlockComposer composer = new AccessBlockComposer(Fixtures.CRYPTO);
        GrantComposer grants = new GrantComposer(Fixtures.CRYPTO);
        LicenseVerifier verifier = Fixtures.verifier();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    byte[] kc = Fixtures.CRYPTO.randomBytes(32);
                    AccessBlock access = composer.compose(
                            CONTENT, t.id(), "k", kc, t.serverSide(), RULES, NOW, ACCESS_EXPIRES, signing);
                    String nonce = Nonces.generate(Fixtures.CRYPTO);
                    String grant =
                            grants.compose(access.compact(), access.grantKey(), "lic", nonce, NOW, NOW, GRANT_EXPIRES);
                    License license = new License(License.FORMAT, "lic", CONTENT, t.id(), "k", access.compact(), grant);
                    VerifiedLicense verified = verifier.verify(license, t.id(), t.terminalSide(), CONTENT, nonce, NOW);
                    return java.util.Arrays.equals(kc, verified.contentKey());
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void licenseJsonRoundTrips() {
        Issued issued = Fixtures.issue(Fixtures.terminal(TerminalKind.AES_256), SignatureAlgorithm.EdDSA);

        String json = issued.license().toJson();

        assertEquals(issued.license(), License.fromJson(json));
        assertTrue(json.startsWith("{\"format\":\"splitcast-license/1\",\"licenseId\":"), json);
    }

    @Test
    void licenseJsonIgnoresUnknownMembersButNeedsItsParts() {
        License parsed = License.fromJson(
                "{\"format\":\"splitcast-license/1\",\"access\":\"a.b.c\",\"grant\":\"d.e.f\",\"extra\":[1]}");
        assertEquals("a.b.c", parsed.access());
        assertNull(parsed.licenseId());

        assertThrowsIae(() -> License.fromJson("{\"format\":\"splitcast-license/1\",\"access\":\"a.b.c\"}"));
        assertThrowsIae(() -> License.fromJson("[]"));
        assertThrowsIae(() -> License.fromJson("not json"));
        assertThrowsIae(() ->
                License.fromJson("{\"format\":\"splitcast-license/1\",\"access\":\"a.b.c\",\"grant\":\"d.e.f\"} {}"));
        assertThrowsIae(() -> License.fromJson("{\"format\":\"x\",\"access\":\"a\",\"access\":\"b\",\"grant\":\"c\"}"));
    }

    private static void assertThrowsIae(org.junit.jupiter.api.function.Executable executable) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, executable);
    }

    @Test
    void secretsNeverShowInToString() {
        Terminal t = Fixtures.terminal(TerminalKind.RSA_2048);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.PS256);
        byte[] kt = Fixtures.CRYPTO.randomBytes(32);

        for (String text : List.of(
                issued.access().toString(),
                new TerminalKey.Symmetric(kt).toString(),
                new TerminalSecret.Symmetric(kt).toString(),
                Fixtures.signingKey(SignatureAlgorithm.PS256).toString(),
                t.terminalSide().toString())) {
            for (byte[] secret : List.of(kt, issued.access().grantKey())) {
                for (String form : Fixtures.encodings(secret)) {
                    assertFalse(text.contains(form), text);
                }
            }
        }
        assertTrue(Fixtures.signingKey(SignatureAlgorithm.PS256)
                .toString()
                .equals("SigningKey[keyId=ls-ps256-1, algorithm=PS256]"));
        assertNotNull(issued.access().grantKey());
        assertTrue(issued.access().toString().contains("grantKey=(hidden)"));
    }

    @Test
    void composerRejectsBadInput() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        AccessBlockComposer composer = new AccessBlockComposer(Fixtures.CRYPTO);
        SigningKey signing = Fixtures.signingKey(SignatureAlgorithm.ES256);

        assertThrowsIae(() -> composer.compose(
                CONTENT, t.id(), "k", new byte[31], t.serverSide(), RULES, NOW, ACCESS_EXPIRES, signing));
        assertThrowsIae(() ->
                composer.compose(CONTENT, " ", "k", new byte[32], t.serverSide(), RULES, NOW, ACCESS_EXPIRES, signing));
        assertThrowsIae(
                () -> composer.compose(CONTENT, t.id(), "k", new byte[32], t.serverSide(), RULES, NOW, NOW, signing));

        AccessBlock access = composer.compose(
                CONTENT, t.id(), "k", new byte[32], t.serverSide(), RULES, NOW, ACCESS_EXPIRES, signing);
        GrantComposer grants = new GrantComposer(Fixtures.CRYPTO);
        byte[] km = new byte[32];
        String nonce = Nonces.generate(Fixtures.CRYPTO);
        assertThrowsIae(() -> grants.compose(access.compact(), km, "lic", "short", NOW, NOW, GRANT_EXPIRES));
        assertThrowsIae(() -> grants.compose(access.compact(), new byte[16], "lic", nonce, NOW, NOW, GRANT_EXPIRES));
        assertThrowsIae(
                () -> grants.compose(access.compact(), km, "lic", nonce, NOW, NOW, ACCESS_EXPIRES.plusSeconds(1)));
        assertThrowsIae(() -> grants.compose(access.compact(), km, "lic", nonce, NOW, NOW, NOW.minusSeconds(1)));
        assertThrowsIae(() -> grants.compose("not-a-jws", km, "lic", nonce, NOW, NOW, GRANT_EXPIRES));
        assertEquals(
                3,
                grants.compose(access.compact(), km, "lic", nonce, NOW, NOW, ACCESS_EXPIRES)
                        .split("\\.")
                        .length);
    }

    @Test
    void terminalKeysOfOtherKindsAreRefused() {
        assertThrowsIae(() -> new TerminalKey.Symmetric(new byte[16]));
        assertThrowsIae(() -> new TerminalKey.Public(
                Fixtures.signingKey(SignatureAlgorithm.EdDSA).publicKey()));
        assertThrowsIae(() -> new TerminalSecret.Private(
                Fixtures.signingKey(SignatureAlgorithm.EdDSA).privateKey()));
        assertEquals(
                org.splitcast.crypto.PublicKeyKind.X25519,
                ((TerminalKey.Public) Fixtures.terminal(TerminalKind.X25519).serverSide()).kind());
    }
}

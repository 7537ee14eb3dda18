package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.splitcast.license.format.Fixtures.CONTENT;
import static org.splitcast.license.format.Fixtures.GRANT_EXPIRES;
import static org.splitcast.license.format.Fixtures.NOW;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.license.format.Fixtures.Issued;
import org.splitcast.license.format.Fixtures.Terminal;
import org.splitcast.license.format.Fixtures.TerminalKind;
import org.splitcast.license.format.LicenseRejectedException.Reason;

/** Every rejection reason of docs §6, each caused by a real tampering or mistake. */
class LicenseRejectionTest {

    private static final Duration SKEW = LicenseVerifier.DEFAULT_CLOCK_SKEW;
    private final LicenseVerifier verifier = Fixtures.verifier();

    // --- helpers ---

    private Reason rejection(
            Issued issued,
            License license,
            Terminal terminal,
            TerminalSecret secret,
            String content,
            String nonce,
            Instant now) {
        LicenseRejectedException e = assertThrows(
                LicenseRejectedException.class,
                () -> verifier.verify(license, terminal.id(), secret, content, nonce, now));
        for (String form : Fixtures.encodings(issued.contentKey())) {
            assertFalse(e.getMessage().contains(form), "the message shows Kc: " + e.getMessage());
        }
        if (issued.access().grantKey() != null) {
            for (String form : Fixtures.encodings(issued.access().grantKey())) {
                assertFalse(e.getMessage().contains(form), "the message shows Km: " + e.getMessage());
            }
        }
        return e.reason();
    }

    private Reason rejection(Issued issued, License license, Terminal terminal) {
        return rejection(issued, license, terminal, terminal.terminalSide(), CONTENT, issued.nonce(), NOW);
    }

    private static License withAccess(License license, String access) {
        return new License(
                license.format(),
                license.licenseId(),
                license.contentId(),
                license.terminalId(),
                license.keyId(),
                access,
                license.grant());
    }

    private static License withGrant(License license, String grant) {
        return new License(
                license.format(),
                license.licenseId(),
                license.contentId(),
                license.terminalId(),
                license.keyId(),
                license.access(),
                grant);
    }

    private static String[] parts(String compact) {
        return compact.split("\\.", -1);
    }

    private static String edit(String part, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) Json.readObject(Base64Url.decode(part), "part");
        change.accept(node);
        return Base64Url.encode(Json.bytes(node));
    }

    /** The access block with its payload changed, keeping the original signature. */
    private static String tamperedPayload(String access, Consumer<ObjectNode> change) {
        String[] p = parts(access);
        return p[0] + "." + edit(p[1], change) + "." + p[2];
    }

    private static String tamperedHeader(String compact, Consumer<ObjectNode> change) {
        String[] p = parts(compact);
        return edit(p[0], change) + "." + p[1] + "." + p[2];
    }

    /** The access block with its payload changed and signed again with the server's real key. */
    private static String resigned(String access, SignatureAlgorithm algorithm, Consumer<ObjectNode> change) {
        String[] p = parts(access);
        String input = p[0] + "." + edit(p[1], change);
        SigningKey key = Fixtures.signingKey(algorithm);
        byte[] signature = algorithm.sign(key.privateKey(), input.getBytes(StandardCharsets.US_ASCII), Fixtures.CRYPTO);
        return input + "." + Base64Url.encode(signature);
    }

    /** The access block with its header changed and signed again with the server's real key. */
    private static String resignedHeader(String access, SignatureAlgorithm algorithm, Consumer<ObjectNode> change) {
        String[] p = parts(access);
        String input = edit(p[0], change) + "." + p[1];
        SigningKey key = Fixtures.signingKey(algorithm);
        byte[] signature = algorithm.sign(key.privateKey(), input.getBytes(StandardCharsets.US_ASCII), Fixtures.CRYPTO);
        return input + "." + Base64Url.encode(signature);
    }

    /** The grant with its header changed and MACed again under the right Km. */
    private static String remacedHeader(Issued issued, Terminal terminal, Consumer<ObjectNode> change) {
        String[] p = parts(issued.license().grant());
        String input = edit(p[0], change) + "." + p[1];
        byte[] km = Fixtures.grantKey(terminal, issued.access(), Fixtures.CRYPTO);
        return input + "."
                + Base64Url.encode(GrantComposer.hmac(km, input.getBytes(StandardCharsets.US_ASCII), Fixtures.CRYPTO));
    }

    /** The grant with its payload changed and MACed again under the right Km. */
    private static String remaced(Issued issued, Terminal terminal, Consumer<ObjectNode> change) {
        String[] p = parts(issued.license().grant());
        String input = p[0] + "." + edit(p[1], change);
        byte[] km = Fixtures.grantKey(terminal, issued.access(), Fixtures.CRYPTO);
        return input + "."
                + Base64Url.encode(GrantComposer.hmac(km, input.getBytes(StandardCharsets.US_ASCII), Fixtures.CRYPTO));
    }

    private static String flipLastSignatureByte(String compact) {
        String[] p = parts(compact);
        byte[] signature = Base64Url.decode(p[2]);
        signature[signature.length / 2] ^= 0x01;
        return p[0] + "." + p[1] + "." + Base64Url.encode(signature);
    }

    // --- step 1: signature ---

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void flippedSignatureByteIsRejected(SignatureAlgorithm algorithm) {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, algorithm);

        License tampered = withAccess(
                issued.license(), flipLastSignatureByte(issued.license().access()));

        assertEquals(Reason.BAD_SIGNATURE, rejection(issued, tampered, t));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void changedPayloadIsRejected(SignatureAlgorithm algorithm) {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, algorithm);

        License tampered = withAccess(
                issued.license(), tamperedPayload(issued.license().access(), p -> ((ObjectNode) p.get("rules"))
                        .put("recordingAllowed", true)));

        assertEquals(Reason.BAD_SIGNATURE, rejection(issued, tampered, t));
    }

    @Test
    void headerAlgOtherThanTheKeysIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.PS256);

        License es256 =
                withAccess(issued.license(), tamperedHeader(issued.license().access(), h -> h.put("alg", "ES256")));
        License hs256 =
                withAccess(issued.license(), tamperedHeader(issued.license().access(), h -> h.put("alg", "HS256")));

        assertEquals(Reason.BAD_SIGNATURE, rejection(issued, es256, t));
        assertEquals(Reason.BAD_SIGNATURE, rejection(issued, hs256, t));
    }

    @Test
    void algNoneIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);
        String none = tamperedHeader(issued.license().access(), h -> h.put("alg", "none"));

        License keptSignature = withAccess(issued.license(), none);
        License emptySignature = withAccess(issued.license(), none.substring(0, none.lastIndexOf('.') + 1));

        assertEquals(Reason.BAD_SIGNATURE, rejection(issued, keptSignature, t));
        assertEquals(Reason.MALFORMED, rejection(issued, emptySignature, t));
    }

    @Test
    void unknownSigningKeyIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        KeyPair pair = SignatureAlgorithm.ES256.generateKeyPair(Fixtures.CRYPTO);
        SigningKey rogue =
                new SigningKey("ls-es256-rogue", SignatureAlgorithm.ES256, pair.getPrivate(), pair.getPublic());
        Issued issued = Fixtures.issue(t, rogue, Fixtures.CRYPTO);

        assertEquals(Reason.UNKNOWN_SIGNING_KEY, rejection(issued, issued.license(), t));
    }

    @Test
    void signatureByAnotherKeyUnderTheServersKidIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        KeyPair pair = SignatureAlgorithm.EdDSA.generateKeyPair(Fixtures.CRYPTO);
        SigningKey impostor = new SigningKey(
                Fixtures.signingKey(SignatureAlgorithm.EdDSA).keyId(),
                SignatureAlgorithm.EdDSA,
                pair.getPrivate(),
                pair.getPublic());
        Issued issued = Fixtures.issue(t, impostor, Fixtures.CRYPTO);

        assertEquals(Reason.BAD_SIGNATURE, rejection(issued, issued.license(), t));
    }

    // --- step 2: access payload ---

    @Test
    void licenseForAnotherTerminalIsRejected() {
        Terminal alice = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(alice, SignatureAlgorithm.PS256);
        Terminal bob = new Terminal("bob-tv", alice.kind(), alice.serverSide(), alice.terminalSide());

        assertEquals(Reason.WRONG_TERMINAL, rejection(issued, issued.license(), bob));
    }

    @Test
    void licenseForAnotherContentIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.X25519);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.EdDSA);

        assertEquals(
                Reason.WRONG_CONTENT,
                rejection(issued, issued.license(), t, t.terminalSide(), "sintel", issued.nonce(), NOW));
    }

    @Test
    void expiredAccessBlockIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);
        Instant after = Fixtures.ACCESS_EXPIRES.plus(SKEW);

        assertEquals(
                Reason.ACCESS_EXPIRED,
                rejection(issued, issued.license(), t, t.terminalSide(), CONTENT, issued.nonce(), after));
    }

    @Test
    void accessBlockOfAnotherVersionIsMalformed() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);

        License v2 = withAccess(
                issued.license(), resigned(issued.license().access(), SignatureAlgorithm.ES256, p -> p.put("v", 2)));
        License noRules = withAccess(
                issued.license(),
                resigned(issued.license().access(), SignatureAlgorithm.ES256, p -> p.remove("rules")));
        License textTime = withAccess(
                issued.license(),
                resigned(issued.license().access(), SignatureAlgorithm.ES256, p -> p.put("exp", "soon")));

        assertEquals(Reason.MALFORMED, rejection(issued, v2, t));
        assertEquals(Reason.MALFORMED, rejection(issued, noRules, t));
        assertEquals(Reason.MALFORMED, rejection(issued, textTime, t));
    }

    @Test
    void structurallyBrokenLicensesAreMalformed() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.EdDSA);
        String access = issued.license().access();
        License license = issued.license();

        for (License broken : List.of(
                new License("splitcast-license/2", license.licenseId(), CONTENT, t.id(), "k", access, license.grant()),
                withAccess(license, access.substring(0, access.lastIndexOf('.'))),
                withAccess(license, access + ".x"),
                withAccess(license, access + "="),
                withAccess(license, "!" + access),
                withAccess(license, null),
                withGrant(license, "x.y"),
                withAccess(
                        license,
                        Base64Url.encode("[1]".getBytes(StandardCharsets.US_ASCII))
                                + access.substring(access.indexOf('.'))))) {
            assertEquals(Reason.MALFORMED, rejection(issued, broken, t), broken.toString());
        }
    }

    // --- step 3: unwrap ---

    @ParameterizedTest
    @EnumSource(TerminalKind.class)
    void anotherTerminalsKeyCannotUnwrap(TerminalKind kind) {
        Terminal t = Fixtures.terminal(kind);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);
        TerminalSecret otherKey = Fixtures.newTerminal("other", kind).terminalSide();

        assertEquals(
                Reason.UNWRAP_FAILED, rejection(issued, issued.license(), t, otherKey, CONTENT, issued.nonce(), NOW));
    }

    @Test
    void keyOfAnotherTypeCannotUnwrap() {
        Terminal rsa = Fixtures.terminal(TerminalKind.RSA_2048);
        Issued issued = Fixtures.issue(rsa, SignatureAlgorithm.ES256);

        for (TerminalKind other : List.of(TerminalKind.AES_256, TerminalKind.EC_P256, TerminalKind.X25519)) {
            assertEquals(
                    Reason.UNWRAP_FAILED,
                    rejection(
                            issued,
                            issued.license(),
                            rsa,
                            Fixtures.terminal(other).terminalSide(),
                            CONTENT,
                            issued.nonce(),
                            NOW));
        }
        Terminal ec = Fixtures.terminal(TerminalKind.EC_P256);
        Issued ecIssued = Fixtures.issue(ec, SignatureAlgorithm.ES256);
        assertEquals(
                Reason.UNWRAP_FAILED,
                rejection(
                        ecIssued,
                        ecIssued.license(),
                        ec,
                        Fixtures.terminal(TerminalKind.X25519).terminalSide(),
                        CONTENT,
                        ecIssued.nonce(),
                        NOW));
    }

    // --- step 4: the grant's MAC ---

    @Test
    void grantMacedWithAnotherTerminalsKeyIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.PS256);
        byte[] otherKt = ((TerminalKey.Symmetric)
                        Fixtures.newTerminal("other", TerminalKind.AES_256).serverSide())
                .kt();
        String grant = new GrantComposer(Fixtures.CRYPTO)
                .compose(
                        issued.license().access(),
                        GrantKeys.fromTerminalKey(otherKt, Fixtures.CRYPTO),
                        "lic-x",
                        issued.nonce(),
                        NOW,
                        NOW,
                        GRANT_EXPIRES);

        assertEquals(Reason.BAD_MAC, rejection(issued, withGrant(issued.license(), grant), t));
    }

    @Test
    void grantMacedWithAnotherBlocksKmIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.X25519);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.EdDSA);
        Issued other = Fixtures.issue(t, SignatureAlgorithm.EdDSA);
        String grant = new GrantComposer(Fixtures.CRYPTO)
                .compose(
                        issued.license().access(),
                        other.access().grantKey(),
                        "lic-x",
                        issued.nonce(),
                        NOW,
                        NOW,
                        GRANT_EXPIRES);

        assertEquals(Reason.BAD_MAC, rejection(issued, withGrant(issued.license(), grant), t));
    }

    @Test
    void alteredGrantIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.RSA_3072);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.PS256);
        String grant = issued.license().grant();
        String[] p = parts(grant);

        License flipped = withGrant(issued.license(), flipLastSignatureByte(grant));
        License extended = withGrant(
                issued.license(),
                p[0] + "." + edit(p[1], g -> g.put("exp", g.get("exp").longValue() + 86400)) + "." + p[2]);
        License none = withGrant(issued.license(), tamperedHeader(grant, h -> h.put("alg", "none")));
        License hs512 = withGrant(issued.license(), tamperedHeader(grant, h -> h.put("alg", "HS512")));

        assertEquals(Reason.BAD_MAC, rejection(issued, flipped, t));
        assertEquals(Reason.BAD_MAC, rejection(issued, extended, t));
        assertEquals(Reason.BAD_MAC, rejection(issued, none, t));
        assertEquals(Reason.BAD_MAC, rejection(issued, hs512, t));
    }

    // --- step 5: the grant's payload ---

    @Test
    void grantOfAnotherAccessBlockIsRejected() {
        // a symmetric terminal's Km is the same for all its blocks: only 'ab' tells them apart
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued first = Fixtures.issue(t, SignatureAlgorithm.ES256);
        Issued second = Fixtures.issue(t, SignatureAlgorithm.ES256);

        License mixed = withGrant(first.license(), second.license().grant());

        assertEquals(
                Reason.ACCESS_MISMATCH, rejection(first, mixed, t, t.terminalSide(), CONTENT, second.nonce(), NOW));
    }

    @Test
    void replayedLicenseIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        Issued old = Fixtures.issue(t, SignatureAlgorithm.ES256);
        String thisRequestsNonce = Nonces.generate(Fixtures.CRYPTO);

        assertEquals(
                Reason.REPLAYED_NONCE,
                rejection(old, old.license(), t, t.terminalSide(), CONTENT, thisRequestsNonce, NOW));
    }

    @Test
    void licenseNotYetValidIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.EdDSA);
        Instant early = NOW.minus(SKEW).minusSeconds(1);

        assertEquals(
                Reason.NOT_YET_VALID,
                rejection(issued, issued.license(), t, t.terminalSide(), CONTENT, issued.nonce(), early));
    }

    @Test
    void expiredLicenseIsRejected() {
        Terminal t = Fixtures.terminal(TerminalKind.RSA_2048);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.PS256);
        Instant late = GRANT_EXPIRES.plus(SKEW).plusSeconds(1);

        assertEquals(
                Reason.EXPIRED,
                rejection(issued, issued.license(), t, t.terminalSide(), CONTENT, issued.nonce(), late));
    }

    @Test
    void clockSkewIsAllowedUpToItsLimit() throws Exception {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);

        verifier.verify(issued.license(), t.id(), t.terminalSide(), CONTENT, issued.nonce(), NOW.minus(SKEW));
        VerifiedLicense last = verifier.verify(
                issued.license(), t.id(), t.terminalSide(), CONTENT, issued.nonce(), GRANT_EXPIRES.plus(SKEW));

        assertEquals(GRANT_EXPIRES, last.notAfter());
        LicenseVerifier strict = new LicenseVerifier(Fixtures.KEY_SET, Fixtures.CRYPTO, Duration.ZERO);
        LicenseRejectedException e = assertThrows(
                LicenseRejectedException.class,
                () -> strict.verify(
                        issued.license(),
                        t.id(),
                        t.terminalSide(),
                        CONTENT,
                        issued.nonce(),
                        GRANT_EXPIRES.plusSeconds(1)));
        assertEquals(Reason.EXPIRED, e.reason());
    }

    @Test
    void wellMacedGrantWithoutNonceIsMalformed() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);

        License noNonce = withGrant(issued.license(), remaced(issued, t, g -> g.remove("nonce")));
        License v2 = withGrant(issued.license(), remaced(issued, t, g -> g.put("v", 2)));

        assertEquals(Reason.MALFORMED, rejection(issued, noNonce, t));
        assertEquals(Reason.MALFORMED, rejection(issued, v2, t));
    }

    @Test
    void headersWithoutTheirTypeOrWithCritAreMalformed() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);
        String access = issued.license().access();
        SignatureAlgorithm es = SignatureAlgorithm.ES256;

        for (License license : List.of(
                withAccess(issued.license(), resignedHeader(access, es, h -> h.remove("typ"))),
                withAccess(issued.license(), resignedHeader(access, es, h -> h.put("typ", "splitcast-grant+jws"))),
                withAccess(issued.license(), resignedHeader(access, es, h -> h.putArray("crit")
                        .add("exp"))),
                withGrant(issued.license(), remacedHeader(issued, t, h -> h.remove("typ"))),
                withGrant(issued.license(), remacedHeader(issued, t, h -> h.put("typ", "splitcast-access+jws"))),
                withGrant(issued.license(), remacedHeader(issued, t, h -> h.putArray("crit")
                        .add("nbf"))))) {
            assertEquals(Reason.MALFORMED, rejection(issued, license, t));
        }
    }

    @Test
    void rulesWithoutAnExplicitNullAreMalformed() {
        Terminal t = Fixtures.terminal(TerminalKind.AES_256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.EdDSA);

        License noMaxPlays = withAccess(
                issued.license(),
                resigned(issued.license().access(), SignatureAlgorithm.EdDSA, p -> ((ObjectNode) p.get("rules"))
                        .remove("maxPlays")));
        License negative = withAccess(
                issued.license(),
                resigned(issued.license().access(), SignatureAlgorithm.EdDSA, p -> ((ObjectNode) p.get("rules"))
                        .put("windowHours", -1)));

        assertEquals(Reason.MALFORMED, rejection(issued, noMaxPlays, t));
        assertEquals(Reason.MALFORMED, rejection(issued, negative, t));
    }

    @Test
    void ephemeralKeyOffTheCurveIsRefusedBeforeTheAgreement() {
        Terminal t = Fixtures.terminal(TerminalKind.EC_P256);
        Issued issued = Fixtures.issue(t, SignatureAlgorithm.ES256);

        // signed by the real server key, so only the point check stands in the way
        License offCurve =
                withAccess(issued.license(), resigned(issued.license().access(), SignatureAlgorithm.ES256, p -> {
                    ObjectNode epk = (ObjectNode) p.get("wrap").get("epk");
                    byte[] y = Base64Url.decode(epk.get("y").textValue());
                    y[31] ^= 0x01;
                    epk.put("y", Base64Url.encode(y));
                }));

        assertEquals(Reason.MALFORMED, rejection(issued, offCurve, t));
    }
}

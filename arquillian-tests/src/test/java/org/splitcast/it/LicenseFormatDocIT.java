package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.JdkLicenseVerifier;
import org.splitcast.it.support.JdkLicenseVerifier.Expected;
import org.splitcast.it.support.JdkLicenseVerifier.Private;
import org.splitcast.it.support.JdkLicenseVerifier.Rejected;
import org.splitcast.it.support.JdkLicenseVerifier.Rules;
import org.splitcast.it.support.JdkLicenseVerifier.Step;
import org.splitcast.it.support.JdkLicenseVerifier.Symmetric;
import org.splitcast.it.support.JdkLicenseVerifier.TerminalKey;
import org.splitcast.it.support.JdkLicenseVerifier.Verified;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;

/**
 * docs/license-format.md is precise enough for an integrator: licenses issued by the real server
 * are verified, and their content key unwrapped, by {@link JdkLicenseVerifier}, which was written
 * from that document alone with the JDK's own crypto — for every terminal key type (AES_256 with
 * the provisioned KT; RSA 3072, EC P-256 and X25519 key pairs generated here) and every signature
 * algorithm of the server (PS256, then ES256 and EdDSA by key rotation). A tampered grant, a
 * replayed answer and a license for another terminal are rejected, at the step of §6 that should
 * catch each.
 */
class LicenseFormatDocIT extends DeployedEar {

    private static final List<String> SIGNATURE_ALGORITHMS = List.of("PS256", "ES256", "EdDSA");
    private static final List<String> KEY_TYPES = List.of("AES_256", "RSA", "EC_P256", "X25519");
    /** Rules that let one subscriber get every license these tests ask for. */
    private static final String GENEROUS_RULES =
            """
            {"maxPlays": 100, "rentalWindowHours": 24, "recordingAllowed": false}""";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registered terminal and what it verifies its licenses with. */
    private record Terminal(String id, String keyType, TerminalKey key) {}

    /** A license answer as received, with the request it answers. */
    private record Issued(JsonObject json, Expected expected, Terminal terminal, String served, Instant sentAt) {
        String access() {
            return json.getString("access");
        }

        String grant() {
            return json.getString("grant");
        }
    }

    @Test
    void everyTerminalKeyTypeUnwrapsTheSameKcUnderEverySignatureAlgorithm() throws Throwable {
        Subscriber subscriber = Subscriber.create("doc");
        String content = Licensing.content(GENEROUS_RULES);
        Licensing.entitle(subscriber.id(), content);
        String contentKeyId = get(Credentials.OPERATOR, "/api/contents/" + content)
                .expect(200)
                .json()
                .getString("currentKeyId");

        byte[] kc = null;
        List<Issued> issued = new ArrayList<>();
        Set<String> licenseIds = new HashSet<>();
        Map<String, String> signingKeys = new HashMap<>(); // kid -> alg
        Map<String, String> epkByAccess = new HashMap<>();
        boolean rotated = false;
        Throwable failure = null;
        try {
            for (String alg : SIGNATURE_ALGORITHMS) {
                if (!alg.equals("PS256")) { // PS256 is the default (§3.3): no rotation for it
                    rotate(alg);
                    rotated = true;
                }
                JsonObject keySet = keySet(); // fetched once per key, as a terminal would (§5)
                for (String keyType : KEY_TYPES) {
                    // a terminal registered after the rotation: nothing can have been computed
                    // for it with an earlier key
                    Terminal terminal = terminal(subscriber.id(), keyType);
                    Issued first = request(subscriber.credentials(), content, terminal);
                    Issued second = request(subscriber.credentials(), content, terminal);
                    Verified one = verified(first, keySet);
                    Verified two = verified(second, keySet);
                    String where = alg + ", " + keyType + ": ";

                    assertEquals(alg, one.signatureAlgorithm(), where + "signed with the current key");
                    assertEquals(alg, two.signatureAlgorithm(), where + "signed with the current key");
                    assertEquals(one.signingKeyId(), two.signingKeyId(), where + "one current key");
                    assertEquals(expectedWrap(keyType), one.wrapAlgorithm(), where + "wrap.alg");
                    assertEquals(32, one.kc().length, where + "Kc is an AES-256 key");
                    assertArrayEquals(one.kc(), two.kc(), where + "two licenses for the same pair, the same Kc");
                    if (kc == null) {
                        kc = one.kc();
                        assertFalse(Arrays.equals(new byte[32], kc), "Kc is not 32 zero bytes");
                    } else {
                        assertArrayEquals(kc, one.kc(), where + "the same content key whatever the terminal's key");
                    }
                    assertEquals(contentKeyId, one.contentKeyId(), where + "kid of Kc is the content's current key id");
                    assertTrue(licenseIds.add(one.licenseId()), where + "license ids are unique: " + one.licenseId());
                    assertTrue(licenseIds.add(two.licenseId()), where + "license ids are unique: " + two.licenseId());
                    assertSigningKey(alg, one);
                    String previousAlg = signingKeys.put(one.signingKeyId(), alg);
                    assertTrue(previousAlg == null || previousAlg.equals(alg), where + "a new kid for a new key");
                    for (Verified v : List.of(one, two)) {
                        JsonObject wrap = v.accessPayload().getJsonObject("wrap");
                        if (v.wrapAlgorithm().equals("ECDH-ES+A256KW")) {
                            String epk = wrap.getJsonObject("epk").getString("x");
                            String access = v.accessPayload().toString();
                            String before = epkByAccess.putIfAbsent(epk, access);
                            assertTrue(
                                    before == null || before.equals(access),
                                    where + "the ephemeral key is fresh for every access block (§3.2)");
                        } else {
                            assertFalse(wrap.containsKey("epk"), where + "epk only with ECDH-ES+A256KW: " + wrap);
                        }
                    }
                    issued.add(first);
                    issued.add(second);
                }
                assertEquals(
                        SIGNATURE_ALGORITHMS.indexOf(alg) + 1,
                        signingKeys.size(),
                        "one signing key per algorithm so far: " + signingKeys);
            }

            // §5: the set keeps every key whose licenses may still be valid, so that a license
            // signed before a rotation still verifies against the set fetched after it
            JsonObject latest = keySet();
            for (Issued license : issued) {
                Verified again = verified(license, latest);
                assertArrayEquals(kc, again.kc());
            }
            for (String kid : signingKeys.keySet()) {
                assertPemEqualsJwk(jwk(latest, kid));
            }
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            if (rotated) {
                restoreDefaultAlgorithm(failure);
            }
        }
    }

    @Test
    void accessRulesAreTheRulesTheContentWasCreatedWith() throws Exception {
        Subscriber subscriber = Subscriber.create("rules");
        Terminal tv = terminal(subscriber.id(), "AES_256");
        JsonObject keySet = keySet();
        record Case(String json, Rules expected) {}
        List<Case> cases = List.of(
                new Case(
                        """
                        {"maxPlays": 7, "rentalWindowHours": 48, "recordingAllowed": true}""",
                        new Rules(7L, 48L, true)),
                new Case(
                        """
                        {"maxPlays": 1, "rentalWindowHours": 2, "recordingAllowed": false}""",
                        new Rules(1L, 2L, false)),
                new Case(
                        """
                        {"maxPlays": null, "rentalWindowHours": null, "recordingAllowed": true}""",
                        new Rules(null, null, true)));

        List<String> contents = new ArrayList<>();
        for (Case c : cases) {
            String content = Licensing.content(c.json());
            Licensing.entitle(subscriber.id(), content);
            contents.add(content);

            Verified license = verified(request(subscriber.credentials(), content, tv), keySet);

            assertEquals(c.expected(), license.rules(), "rules of a content created with " + c.json());
            JsonObject rules = license.accessPayload().getJsonObject("rules");
            if (c.expected().maxPlays() == null) {
                assertEquals(JsonValue.NULL, rules.get("maxPlays"), "null: unlimited, in " + rules);
                assertEquals(JsonValue.NULL, rules.get("windowHours"), "null: no window, in " + rules);
            }
        }

        // §3.1: "the (N+1)th request within the window is refused" (maxPlays 1, one license above)
        post(subscriber.credentials(), "/api/licenses", Licensing.requestBody(contents.get(1), tv.id(), nonce()))
                .expectProblem(403, "play-limit-reached");
    }

    @Test
    void tamperedGrantOrAccessBlockIsRejected() throws Exception {
        Subscriber subscriber = Subscriber.create("tamper");
        String content = Licensing.content(GENEROUS_RULES);
        String other = Licensing.content(GENEROUS_RULES);
        Licensing.entitle(subscriber.id(), content);
        Licensing.entitle(subscriber.id(), other);
        JsonObject keySet = keySet();

        for (String keyType : List.of("AES_256", "X25519")) {
            Terminal terminal = terminal(subscriber.id(), keyType);
            Issued license = request(subscriber.credentials(), content, terminal);
            verified(license, keySet); // as received it is accepted: what follows is the tampering's doing
            String access = license.access();
            String grant = license.grant();

            assertEquals(
                    Step.GRANT_MAC,
                    rejection(access, flip(grant, 2), license.expected(), terminal.key(), keySet),
                    keyType + ": one character of the grant's MAC flipped");
            assertEquals(
                    Step.GRANT_MAC,
                    rejection(access, flip(grant, 1), license.expected(), terminal.key(), keySet),
                    keyType + ": one character of the grant's payload flipped");
            assertEquals(
                    Step.SIGNATURE,
                    rejection(flip(access, 2), grant, license.expected(), terminal.key(), keySet),
                    keyType + ": one character of the access block's signature flipped");
            assertEquals(
                    Step.SIGNATURE,
                    rejection(flip(access, 1), grant, license.expected(), terminal.key(), keySet),
                    keyType + ": one character of the access block's payload flipped");
        }

        // a grant moved onto another access block of the same KT terminal: its MAC still verifies
        // (Km comes from KT alone), only `ab` tells them apart
        Terminal tv = terminal(subscriber.id(), "AES_256");
        Issued forContent = request(subscriber.credentials(), content, tv);
        Issued forOther = request(subscriber.credentials(), other, tv);
        verified(forContent, keySet);
        verified(forOther, keySet);
        assertEquals(
                Step.ACCESS_BINDING,
                rejection(
                        forOther.access(),
                        forContent.grant(),
                        new Expected(other, tv.id(), forContent.expected().nonce()),
                        tv.key(),
                        keySet),
                "the grant of one license on the access block of another");
    }

    @Test
    void replayedAnswerIsRejected() throws Exception {
        Subscriber subscriber = Subscriber.create("replay");
        String content = Licensing.content(GENEROUS_RULES);
        Licensing.entitle(subscriber.id(), content);
        JsonObject keySet = keySet();

        for (String keyType : List.of("AES_256", "EC_P256")) {
            Terminal terminal = terminal(subscriber.id(), keyType);
            Issued earlier = request(subscriber.credentials(), content, terminal);
            Issued later = request(subscriber.credentials(), content, terminal);
            assertEquals(earlier.expected().nonce(), verified(earlier, keySet).nonce(), "the nonce echoed as sent");
            assertEquals(later.expected().nonce(), verified(later, keySet).nonce(), "the nonce echoed as sent");

            assertEquals(
                    Step.NONCE,
                    rejection(earlier.access(), earlier.grant(), later.expected(), terminal.key(), keySet),
                    keyType + ": the earlier answer replayed to the later request");
            assertEquals(
                    Step.NONCE,
                    rejection(later.access(), later.grant(), earlier.expected(), terminal.key(), keySet),
                    keyType + ": an answer to a request with another nonce");
        }
    }

    @Test
    void licenseForAnotherTerminalIsRejected() throws Exception {
        Subscriber subscriber = Subscriber.create("other");
        String content = Licensing.content(GENEROUS_RULES);
        String notAsked = Licensing.content(GENEROUS_RULES);
        Licensing.entitle(subscriber.id(), content);
        JsonObject keySet = keySet();

        for (String keyType : List.of("AES_256", "EC_P256")) {
            Terminal mine = terminal(subscriber.id(), keyType);
            Terminal neighbour = terminal(subscriber.id(), keyType);
            Issued license = request(subscriber.credentials(), content, mine);
            String nonce = license.expected().nonce();
            verified(license, keySet);

            assertEquals(
                    Step.TERMINAL,
                    rejection(
                            license.access(),
                            license.grant(),
                            new Expected(content, neighbour.id(), nonce),
                            neighbour.key(),
                            keySet),
                    keyType + ": another terminal's license, checked by that other terminal");
            assertEquals(
                    Step.UNWRAP,
                    rejection(
                            license.access(),
                            license.grant(),
                            new Expected(content, mine.id(), nonce),
                            neighbour.key(),
                            keySet),
                    keyType + ": the right terminal id but another terminal's key: Kc does not unwrap");
            assertEquals(
                    Step.CONTENT,
                    rejection(
                            license.access(),
                            license.grant(),
                            new Expected(notAsked, mine.id(), nonce),
                            mine.key(),
                            keySet),
                    keyType + ": a license for a content that was not asked for");
        }

        // §7: a subscriber cannot even ask for another subscriber's terminal
        Subscriber stranger = Subscriber.create("stranger");
        Licensing.entitle(stranger.id(), content);
        Terminal notTheirs = terminal(subscriber.id(), "AES_256");
        post(stranger.credentials(), "/api/licenses", Licensing.requestBody(content, notTheirs.id(), nonce()))
                .expectProblem(403, "forbidden");
    }

    @Test
    void everyPublishedKeyIsServedAsPemOfTheSameKey() throws Exception {
        JsonObject keySet = keySet();
        List<JsonObject> keys = keySet.getJsonArray("keys").getValuesAs(JsonObject.class);
        assertFalse(keys.isEmpty(), "a key set with at least the current key: " + keySet);
        for (JsonObject jwk : keys) {
            assertPemEqualsJwk(jwk);
        }
    }

    // ---------------------------------------------------------------- the server

    /** §5: no authentication. */
    private static JsonObject keySet() {
        return get(Credentials.NONE, "/api/license-keys").expect(200).json();
    }

    private static void rotate(String algorithm) {
        post(Credentials.OPERATOR, "/api/license-keys", """
                {"algorithm": "%s"}""".formatted(algorithm))
                .expect(201);
    }

    /** Back to the documented default for the test classes that follow, without hiding a failure. */
    private static void restoreDefaultAlgorithm(Throwable failure) {
        try {
            rotate("PS256");
        } catch (RuntimeException | AssertionError e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static Terminal terminal(String subscriberId, String keyType) throws GeneralSecurityException {
        if (keyType.equals("AES_256")) {
            Licensing.SymmetricTerminal terminal = Licensing.symmetricTerminal(subscriberId);
            assertEquals(32, terminal.kt().length, "KT is 32 bytes");
            return new Terminal(terminal.id(), keyType, new Symmetric(terminal.kt()));
        }
        KeyPairGenerator generator;
        switch (keyType) {
            case "RSA" -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(3072);
            }
            case "EC_P256" -> {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            case "X25519" -> generator = KeyPairGenerator.getInstance("X25519");
            default -> throw new IllegalArgumentException(keyType);
        }
        KeyPair pair = generator.generateKeyPair();
        String id = Api.unique("device");
        post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + subscriberId + "/terminals",
                        """
                        {"id": "%s", "label": "Device", "keyType": "%s", "publicKey": "%s"}"""
                                .formatted(
                                        id,
                                        keyType,
                                        Base64.getEncoder()
                                                .encodeToString(pair.getPublic().getEncoded())))
                .expect(201);
        return new Terminal(id, keyType, new Private(pair.getPrivate()));
    }

    /** §1: a license request with a fresh nonce, answered 200. */
    private static Issued request(Credentials who, String contentId, Terminal terminal) {
        String nonce = nonce();
        Instant sentAt = Instant.now();
        Api.Reply reply = post(who, "/api/licenses", Licensing.requestBody(contentId, terminal.id(), nonce))
                .expect(200);
        String served = reply.header("Splitcast-Access");
        assertTrue("precomputed".equals(served) || "computed".equals(served), "Splitcast-Access: " + served);
        JsonObject license = reply.json();
        assertEquals("splitcast-license/1", license.getString("format", null), license.toString());
        return new Issued(license, new Expected(contentId, terminal.id(), nonce), terminal, served, sentAt);
    }

    /** 16 to 64 random bytes, base64url without padding (§1): here 32. */
    private static String nonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return JdkLicenseVerifier.base64url(bytes);
    }

    // ---------------------------------------------------------------- the terminal

    /** §6 by the JDK verifier, plus what the document promises about the parts. */
    private static Verified verified(Issued issued, JsonObject keySet) {
        Verified license;
        try {
            license = JdkLicenseVerifier.verify(
                    issued.json(), issued.expected(), issued.terminal().key(), keySet);
        } catch (Rejected e) {
            throw new AssertionError(
                    issued.terminal().keyType() + " terminal, " + e.getMessage() + "\nlicense: " + issued.json()
                            + "\nkey set: " + keySet,
                    e);
        }
        JsonObject outside = issued.json();
        String where = issued.terminal().keyType() + " terminal, license " + license.licenseId() + " ("
                + issued.served() + "): ";

        // §1: the copies outside the verified parts agree with them
        assertEquals(license.licenseId(), outside.getString("licenseId", null), where + "licenseId");
        assertEquals(license.contentId(), outside.getString("contentId", null), where + "contentId");
        assertEquals(license.terminalId(), outside.getString("terminalId", null), where + "terminalId");
        assertEquals(license.contentKeyId(), outside.getString("keyId", null), where + "keyId");
        // §3, §4: the headers as documented
        assertEquals("splitcast-access+jws", license.accessHeader().getString("typ", null), where + "access typ");
        assertEquals("splitcast-grant+jws", license.grantHeader().getString("typ", null), where + "grant typ");
        assertEquals(license.signingKeyId(), license.accessHeader().getString("kid", null), where + "access kid");
        assertEquals(1, license.accessPayload().getInt("v"), where + "access v");
        assertEquals(1, license.grantPayload().getInt("v"), where + "grant v");
        assertFalse(license.licenseId().isBlank(), where + "lid");
        // §3, §4: the times
        assertFalse(license.expiresAt().isAfter(license.accessExpiresAt()), where + "grant exp <= access exp");
        assertFalse(license.accessIssuedAt().isAfter(license.issuedAt()), where + "access computed before the grant");
        assertFalse(license.notBefore().isAfter(license.expiresAt()), where + "nbf <= exp");
        Instant earliest =
                issued.sentAt().minus(JdkLicenseVerifier.DEFAULT_SKEW).minusSeconds(1);
        Instant latest = Instant.now().plus(JdkLicenseVerifier.DEFAULT_SKEW);
        assertTrue(
                !license.issuedAt().isBefore(earliest) && !license.issuedAt().isAfter(latest),
                where + "grant iat " + license.issuedAt() + " is the time of the request " + issued.sentAt());
        return license;
    }

    private static Step rejection(String access, String grant, Expected expected, TerminalKey key, JsonObject keySet) {
        Rejected rejected = assertThrows(
                Rejected.class,
                () -> JdkLicenseVerifier.verify(
                        access, grant, expected, key, keySet, Instant.now(), JdkLicenseVerifier.DEFAULT_SKEW));
        return rejected.step();
    }

    /**
     * Changes the first character of part {@code part} (0, 1, 2) of a JWS: the top six bits of its
     * first byte, so the encoding stays canonical and the bytes surely change.
     */
    private static String flip(String jws, int part) {
        String[] parts = jws.split("\\.", -1);
        assertEquals(3, parts.length, jws);
        char first = parts[part].charAt(0);
        parts[part] = (first == 'A' ? 'B' : 'A') + parts[part].substring(1);
        return String.join(".", parts);
    }

    private static String expectedWrap(String keyType) {
        return switch (keyType) {
            case "AES_256" -> "A256KW";
            case "RSA" -> "RSA-OAEP-256";
            default -> "ECDH-ES+A256KW";
        };
    }

    // ---------------------------------------------------------------- the server's keys

    /** §3.3: the key under kid is of the documented type and size. */
    private static void assertSigningKey(String alg, Verified license) {
        PublicKey key = license.signingKey();
        switch (alg) {
            case "PS256" -> {
                assertTrue(key instanceof RSAPublicKey, key.getAlgorithm());
                assertEquals(3072, ((RSAPublicKey) key).getModulus().bitLength(), "PS256 with RSA 3072");
            }
            case "ES256" -> {
                assertTrue(key instanceof ECPublicKey, key.getAlgorithm());
                assertEquals(256, ((ECPublicKey) key).getParams().getOrder().bitLength(), "P-256");
            }
            case "EdDSA" -> {
                assertTrue(key instanceof EdECPublicKey, key.getAlgorithm());
                assertEquals(
                        NamedParameterSpec.ED25519.getName(),
                        ((EdECPublicKey) key).getParams().getName());
            }
            default -> throw new IllegalArgumentException(alg);
        }
    }

    private static JsonObject jwk(JsonObject keySet, String kid) {
        return keySet.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> kid.equals(k.getString("kid", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key " + kid + " in " + keySet));
    }

    /** §5: {@code GET /api/license-keys/{kid}} is a PEM SubjectPublicKeyInfo of the JWK's key. */
    private static void assertPemEqualsJwk(JsonObject jwk) throws GeneralSecurityException {
        String kid = jwk.getString("kid");
        Api.Reply reply = get(
                        Credentials.NONE,
                        "/api/license-keys/"
                                + URLEncoder.encode(kid, StandardCharsets.UTF_8).replace("+", "%20"))
                .expect(200);
        assertTrue(
                String.valueOf(reply.header("Content-Type")).startsWith("application/x-pem-file"),
                "media type " + reply.header("Content-Type"));
        String pem = reply.body().strip();
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        assertTrue(pem.startsWith(begin) && pem.endsWith(end), pem);
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin.length(), pem.length() - end.length()));
        String kty = jwk.getString("kty");
        String factory =
                switch (kty) {
                    case "RSA" -> "RSA";
                    case "EC" -> "EC";
                    default -> jwk.getString("crv"); // Ed25519
                };
        PublicKey fromPem = KeyFactory.getInstance(factory).generatePublic(new X509EncodedKeySpec(der));
        PublicKey fromJwk;
        try {
            fromJwk = JdkLicenseVerifier.publicKey(jwk);
        } catch (Rejected e) {
            throw new AssertionError("JWK " + jwk + ": " + e.getMessage(), e);
        }
        String what = "PEM and JWK of " + kid;
        if (fromJwk instanceof RSAPublicKey a && fromPem instanceof RSAPublicKey b) {
            assertEquals(a.getModulus(), b.getModulus(), what);
            assertEquals(a.getPublicExponent(), b.getPublicExponent(), what);
        } else if (fromJwk instanceof ECPublicKey a && fromPem instanceof ECPublicKey b) {
            assertEquals(a.getW(), b.getW(), what);
            assertEquals(a.getParams().getCurve(), b.getParams().getCurve(), what);
            assertEquals(a.getParams().getGenerator(), b.getParams().getGenerator(), what);
        } else if (fromJwk instanceof EdECPublicKey a && fromPem instanceof EdECPublicKey b) {
            assertEquals(a.getPoint().getY(), b.getPoint().getY(), what);
            assertEquals(a.getPoint().isXOdd(), b.getPoint().isXOdd(), what);
            assertEquals(a.getParams().getName(), b.getParams().getName(), what);
        } else {
            throw new AssertionError(what + ": keys of different kinds, " + fromJwk + " and " + fromPem);
        }
        assertNull(jwk.get("d"), "no private part in a published key");
    }
}

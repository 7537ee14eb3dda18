package org.splitcast.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a license of format {@code splitcast-license/1} and unwraps its content key Kc, written
 * from {@code docs/license-format.md} alone, with nothing but the JDK's own crypto ({@code
 * java.security}, {@code javax.crypto}) and jakarta.json: no BouncyCastle, no JOSE library, no code
 * of the server or of the terminal SDK. Every check of the document's §6 is made, in its order; a
 * failure throws {@link Rejected}, which names the step.
 *
 * <p>Where the document leaves a choice open this verifier takes the strict side (and says so in a
 * comment marked "doc:"): canonical base64url only, {@code typ} checked, {@code crit} refused.
 */
public final class JdkLicenseVerifier {

    /** The clock skew the document quotes for the SDK (§6). */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(120);

    static final String ACCESS_TYP = "splitcast-access+jws";
    static final String GRANT_TYP = "splitcast-grant+jws";
    static final byte[] GRANT_KEY_INFO = "splitcast-license/1 grant".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ECDH_ALGORITHM_ID = "ECDH-ES+A256KW".getBytes(StandardCharsets.US_ASCII);

    /** The checks of §6, in order; {@link Rejected#step()} says which one failed. */
    public enum Step {
        /** §2, §6.1: three base64url parts, a JSON object header. */
        ACCESS_FORMAT("6.1", "access is not a JWS compact string of JSON"),
        /** §3, §6.1: {@code alg} one of PS256/ES256/EdDSA, {@code typ}, {@code kid}. */
        ACCESS_HEADER("6.1", "access header"),
        /** §5, §6.1: the key under {@code kid} exists and is of the header's {@code alg} and type. */
        SIGNING_KEY("6.1", "server signing key"),
        /** §3.3, §6.1. */
        SIGNATURE("6.1", "access signature"),
        /** §3: a member missing or of the wrong type. */
        ACCESS_PAYLOAD("6.2", "access payload"),
        ACCESS_VERSION("6.2", "access v"),
        TERMINAL("6.2", "access tid"),
        CONTENT("6.2", "access cid"),
        ACCESS_EXPIRED("6.2", "access exp"),
        /** §3.2, §6.3. */
        UNWRAP("6.3", "unwrapping the key material"),
        GRANT_FORMAT("6.4", "grant is not a JWS compact string of JSON"),
        GRANT_HEADER("6.4", "grant header"),
        GRANT_MAC("6.4", "grant HMAC"),
        GRANT_PAYLOAD("6.5", "grant payload"),
        GRANT_VERSION("6.5", "grant v"),
        /** §4 {@code ab}: the grant belongs to this access block. */
        ACCESS_BINDING("6.5", "grant ab"),
        /** §6.5: otherwise a replay of an older answer. */
        NONCE("6.5", "grant nonce"),
        GRANT_VALIDITY("6.5", "grant nbf/exp");

        private final String section;
        private final String what;

        Step(String section, String what) {
            this.section = section;
            this.what = what;
        }

        @Override
        public String toString() {
            return name() + " (§" + section + ", " + what + ")";
        }
    }

    /** The license is rejected as a whole. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final Step step;

        Rejected(Step step, String message, Throwable cause) {
            super("license rejected at step " + step + ": " + message, cause);
            this.step = step;
        }

        public Step step() {
            return step;
        }
    }

    /** What the terminal verifies with: KT, or its private key. */
    public sealed interface TerminalKey permits Symmetric, Private {}

    /** An {@code AES_256} terminal's KT (32 bytes). */
    public record Symmetric(byte[] kt) implements TerminalKey {}

    /** A public-key terminal's private key: RSA, EC P-256 or X25519 (XDH). */
    public record Private(PrivateKey key) implements TerminalKey {}

    /** What the terminal asked for: the content, its own id, the nonce it sent. */
    public record Expected(String contentId, String terminalId, String nonce) {}

    /** §3.1; {@code null} for "unlimited" / "no window". */
    public record Rules(Long maxPlays, Long windowHours, boolean recordingAllowed) {}

    /** A verified license: everything from the verified parts (never from the outer fields). */
    public record Verified(
            byte[] kc,
            Rules rules,
            String contentId,
            String terminalId,
            String contentKeyId,
            String licenseId,
            String nonce,
            String signatureAlgorithm,
            String signingKeyId,
            PublicKey signingKey,
            String wrapAlgorithm,
            Instant accessIssuedAt,
            Instant accessExpiresAt,
            Instant issuedAt,
            Instant notBefore,
            Instant expiresAt,
            JsonObject accessHeader,
            JsonObject accessPayload,
            JsonObject grantHeader,
            JsonObject grantPayload) {}

    private JdkLicenseVerifier() {}

    /** Verifies the {@code access} and {@code grant} of a license answer (§1) as of now. */
    public static Verified verify(JsonObject license, Expected expected, TerminalKey key, JsonObject keySet)
            throws Rejected {
        return verify(
                license.getString("access", null),
                license.getString("grant", null),
                expected,
                key,
                keySet,
                Instant.now(),
                DEFAULT_SKEW);
    }

    /** §6, steps 1 to 5. */
    public static Verified verify(
            String access,
            String grant,
            Expected expected,
            TerminalKey key,
            JsonObject keySet,
            Instant now,
            Duration skew)
            throws Rejected {
        Objects.requireNonNull(expected);
        Objects.requireNonNull(key);
        Objects.requireNonNull(keySet);
        long nowSeconds = now.getEpochSecond();
        long s = skew.toSeconds();

        // 1. access: split, header, kid in the key set, key alg = header alg, signature
        Jws accessJws = Jws.split(access, Step.ACCESS_FORMAT);
        JsonObject accessHeader = accessJws.header(Step.ACCESS_FORMAT);
        String alg = string(accessHeader, "alg", Step.ACCESS_HEADER);
        if (!List.of("PS256", "ES256", "EdDSA").contains(alg)) {
            throw new Rejected(Step.ACCESS_HEADER, "alg '" + alg + "' is not PS256, ES256 or EdDSA", null);
        }
        checkTyp(accessHeader, ACCESS_TYP, Step.ACCESS_HEADER);
        noCrit(accessHeader, Step.ACCESS_HEADER);
        String signingKid = string(accessHeader, "kid", Step.ACCESS_HEADER);
        JsonObject jwk = findKey(keySet, signingKid);
        PublicKey signingKey = signingKey(jwk, alg);
        verifySignature(alg, signingKey, accessJws.signingInput(), accessJws.signature());

        // 2. access payload: v, tid, cid, exp
        JsonObject payload = accessJws.payload(Step.ACCESS_PAYLOAD);
        requireVersion(payload, Step.ACCESS_PAYLOAD, Step.ACCESS_VERSION);
        String tid = string(payload, "tid", Step.ACCESS_PAYLOAD);
        if (!tid.equals(expected.terminalId())) {
            throw new Rejected(Step.TERMINAL, "for terminal '" + tid + "', not '" + expected.terminalId() + "'", null);
        }
        String cid = string(payload, "cid", Step.ACCESS_PAYLOAD);
        if (!cid.equals(expected.contentId())) {
            throw new Rejected(Step.CONTENT, "for content '" + cid + "', not '" + expected.contentId() + "'", null);
        }
        long accessExp = numericDate(payload, "exp", Step.ACCESS_PAYLOAD);
        if (!(accessExp > nowSeconds - s)) {
            throw new Rejected(
                    Step.ACCESS_EXPIRED, "exp " + accessExp + " is not after now - skew " + (nowSeconds - s), null);
        }
        long accessIat = numericDate(payload, "iat", Step.ACCESS_PAYLOAD);
        String contentKeyId = string(payload, "kid", Step.ACCESS_PAYLOAD);
        Rules rules = rules(payload);
        JsonObject wrap = object(payload, "wrap", Step.ACCESS_PAYLOAD);

        // 3. key material: Kc, then Km
        byte[] material = unwrap(wrap, key, tid);
        byte[] kc = Arrays.copyOfRange(material, 0, 32);
        byte[] km =
                key instanceof Symmetric symmetric ? grantKey(symmetric.kt()) : Arrays.copyOfRange(material, 32, 64);
        Arrays.fill(material, (byte) 0);
        try {
            // 4. grant: header alg, HMAC in constant time
            Jws grantJws = Jws.split(grant, Step.GRANT_FORMAT);
            JsonObject grantHeader = grantJws.header(Step.GRANT_FORMAT);
            String grantAlg = string(grantHeader, "alg", Step.GRANT_HEADER);
            if (!"HS256".equals(grantAlg)) {
                throw new Rejected(Step.GRANT_HEADER, "alg '" + grantAlg + "' is not HS256", null);
            }
            checkTyp(grantHeader, GRANT_TYP, Step.GRANT_HEADER);
            noCrit(grantHeader, Step.GRANT_HEADER);
            byte[] mac = hmac(km, grantJws.signingInput());
            if (!MessageDigest.isEqual(mac, grantJws.signature())) {
                throw new Rejected(Step.GRANT_MAC, "HMAC-SHA256 under Km does not match", null);
            }

            // 5. grant payload: v, ab, nonce, nbf/exp
            JsonObject grantPayload = grantJws.payload(Step.GRANT_PAYLOAD);
            requireVersion(grantPayload, Step.GRANT_PAYLOAD, Step.GRANT_VERSION);
            String ab = string(grantPayload, "ab", Step.GRANT_PAYLOAD);
            String expectedAb = base64url(sha256(access.getBytes(StandardCharsets.US_ASCII)));
            if (!expectedAb.equals(ab)) {
                throw new Rejected(Step.ACCESS_BINDING, "ab '" + ab + "' is not SHA-256 of this access block", null);
            }
            String nonce = string(grantPayload, "nonce", Step.GRANT_PAYLOAD);
            if (!nonce.equals(expected.nonce())) {
                throw new Rejected(Step.NONCE, "nonce '" + nonce + "' is not the one sent: a replay", null);
            }
            long nbf = numericDate(grantPayload, "nbf", Step.GRANT_PAYLOAD);
            long exp = numericDate(grantPayload, "exp", Step.GRANT_PAYLOAD);
            if (!(nbf - s <= nowSeconds && nowSeconds <= exp + s)) {
                throw new Rejected(
                        Step.GRANT_VALIDITY,
                        "now " + nowSeconds + " outside [nbf - s, exp + s] = [" + (nbf - s) + ", " + (exp + s) + "]",
                        null);
            }
            long iat = numericDate(grantPayload, "iat", Step.GRANT_PAYLOAD);
            String lid = string(grantPayload, "lid", Step.GRANT_PAYLOAD);

            return new Verified(
                    kc,
                    rules,
                    cid,
                    tid,
                    contentKeyId,
                    lid,
                    nonce,
                    alg,
                    signingKid,
                    signingKey,
                    string(wrap, "alg", Step.UNWRAP),
                    Instant.ofEpochSecond(accessIat),
                    Instant.ofEpochSecond(accessExp),
                    Instant.ofEpochSecond(iat),
                    Instant.ofEpochSecond(nbf),
                    Instant.ofEpochSecond(exp),
                    accessHeader,
                    payload,
                    grantHeader,
                    grantPayload);
        } catch (Rejected e) {
            Arrays.fill(kc, (byte) 0); // §6: never use Kc from a license that did not verify
            throw e;
        } finally {
            Arrays.fill(km, (byte) 0);
        }
    }

    // ---------------------------------------------------------------- §5: the server's keys

    private static JsonObject findKey(JsonObject keySet, String kid) throws Rejected {
        JsonValue keys = keySet.get("keys");
        if (!(keys instanceof JsonArray array)) {
            throw new Rejected(Step.SIGNING_KEY, "the key set has no 'keys' array", null);
        }
        JsonObject found = null;
        for (JsonValue entry : array) {
            if (entry instanceof JsonObject jwk
                    && jwk.get("kid") instanceof JsonString k
                    && k.getString().equals(kid)) {
                if (found != null) {
                    throw new Rejected(Step.SIGNING_KEY, "two keys with kid '" + kid + "' in the set", null);
                }
                found = jwk;
            }
        }
        if (found == null) {
            throw new Rejected(Step.SIGNING_KEY, "no key '" + kid + "' in the key set", null);
        }
        return found;
    }

    /** The key under {@code kid}, checked to be of the type and {@code alg} the header names (§3.3). */
    private static PublicKey signingKey(JsonObject jwk, String alg) throws Rejected {
        String keyAlg = string(jwk, "alg", Step.SIGNING_KEY);
        if (!keyAlg.equals(alg)) {
            throw new Rejected(Step.SIGNING_KEY, "the key is for " + keyAlg + ", the header says " + alg, null);
        }
        if (jwk.containsKey("use") && !"sig".equals(string(jwk, "use", Step.SIGNING_KEY))) {
            throw new Rejected(Step.SIGNING_KEY, "the key's use is not 'sig'", null);
        }
        String kty = string(jwk, "kty", Step.SIGNING_KEY);
        String expectedKty =
                switch (alg) {
                    case "PS256" -> "RSA";
                    case "ES256" -> "EC";
                    default -> "OKP";
                };
        if (!kty.equals(expectedKty)) {
            throw new Rejected(Step.SIGNING_KEY, alg + " with a key of kty " + kty, null);
        }
        if (!alg.equals("PS256")) {
            String crv = string(jwk, "crv", Step.SIGNING_KEY);
            String expectedCrv = alg.equals("ES256") ? "P-256" : "Ed25519";
            if (!crv.equals(expectedCrv)) {
                throw new Rejected(Step.SIGNING_KEY, alg + " with a key on curve " + crv, null);
            }
        }
        PublicKey key = publicKey(jwk, Step.SIGNING_KEY);
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new Rejected(
                    Step.SIGNING_KEY, "RSA key of " + rsa.getModulus().bitLength() + " bits", null);
        }
        return key;
    }

    /**
     * A JDK public key from a JWK (RFC 7517/7518/8037): RSA (n, e), EC P-256 (x, y), OKP Ed25519 or
     * X25519 (x).
     */
    public static PublicKey publicKey(JsonObject jwk) throws Rejected {
        return publicKey(jwk, Step.SIGNING_KEY);
    }

    private static PublicKey publicKey(JsonObject jwk, Step step) throws Rejected {
        String kty = string(jwk, "kty", step);
        try {
            switch (kty) {
                case "RSA" -> {
                    BigInteger n = new BigInteger(1, decode(string(jwk, "n", step), step));
                    BigInteger e = new BigInteger(1, decode(string(jwk, "e", step), step));
                    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                }
                case "EC" -> {
                    if (!"P-256".equals(string(jwk, "crv", step))) {
                        throw new Rejected(step, "EC key on curve " + jwk.get("crv") + ", not P-256", null);
                    }
                    byte[] x = fixed(decode(string(jwk, "x", step), step), 32, "x", step);
                    byte[] y = fixed(decode(string(jwk, "y", step), step), 32, "y", step);
                    ECParameterSpec p256 = p256();
                    ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
                    if (!onCurve(point, p256)) {
                        throw new Rejected(step, "the EC point is not on P-256", null);
                    }
                    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
                }
                case "OKP" -> {
                    String crv = string(jwk, "crv", step);
                    byte[] x = fixed(decode(string(jwk, "x", step), step), 32, "x", step);
                    if (crv.equals("Ed25519")) {
                        // RFC 8032 §5.1.2: y little-endian, the top bit of the last byte is x's parity
                        boolean xOdd = (x[31] & 0x80) != 0;
                        byte[] y = reverse(x);
                        y[0] &= 0x7f;
                        return KeyFactory.getInstance("Ed25519")
                                .generatePublic(new EdECPublicKeySpec(
                                        NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, y))));
                    }
                    if (crv.equals("X25519")) {
                        // RFC 7748 §5: u little-endian, the top bit of the last byte masked
                        byte[] u = reverse(x);
                        u[0] &= 0x7f;
                        return KeyFactory.getInstance("XDH")
                                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, u)));
                    }
                    throw new Rejected(step, "OKP curve " + crv + " is neither Ed25519 nor X25519", null);
                }
                default -> throw new Rejected(step, "kty " + kty + " is not RSA, EC or OKP", null);
            }
        } catch (GeneralSecurityException e) {
            throw new Rejected(step, "the JWK is not a valid " + kty + " key: " + e, e);
        }
    }

    // ---------------------------------------------------------------- §3.3: the signature

    private static void verifySignature(String alg, PublicKey key, byte[] signingInput, byte[] signature)
            throws Rejected {
        try {
            Signature verifier;
            switch (alg) {
                case "PS256" -> {
                    int k = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
                    if (signature.length != k) {
                        throw new Rejected(
                                Step.SIGNATURE, signature.length + " signature bytes, the key needs " + k, null);
                    }
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                case "ES256" -> {
                    if (signature.length != 64) {
                        throw new Rejected(
                                Step.SIGNATURE, signature.length + " signature bytes, not R || S (64)", null);
                    }
                    verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                }
                case "EdDSA" -> {
                    if (signature.length != 64) {
                        throw new Rejected(Step.SIGNATURE, signature.length + " signature bytes, not 64", null);
                    }
                    verifier = Signature.getInstance("Ed25519");
                }
                default -> throw new Rejected(Step.SIGNATURE, "alg " + alg, null);
            }
            verifier.initVerify(key);
            verifier.update(signingInput);
            if (!verifier.verify(signature)) {
                throw new Rejected(Step.SIGNATURE, alg + " signature does not verify under the key", null);
            }
        } catch (GeneralSecurityException e) {
            throw new Rejected(Step.SIGNATURE, alg + " signature cannot be verified: " + e, e);
        }
    }

    // ---------------------------------------------------------------- §3.2: the wrapped key

    private static byte[] unwrap(JsonObject wrap, TerminalKey key, String tid) throws Rejected {
        String alg = string(wrap, "alg", Step.UNWRAP);
        byte[] wrapped = decode(string(wrap, "key", Step.UNWRAP), Step.UNWRAP);
        try {
            if (key instanceof Symmetric symmetric) {
                expectWrap(alg, "A256KW");
                if (symmetric.kt().length != 32) {
                    throw new Rejected(Step.UNWRAP, "KT of " + symmetric.kt().length + " bytes, not 32", null);
                }
                if (wrapped.length != 40) {
                    throw new Rejected(Step.UNWRAP, "A256KW of " + wrapped.length + " bytes, not 40", null);
                }
                return aesKeyUnwrap(symmetric.kt(), wrapped);
            }
            PrivateKey privateKey = ((Private) key).key();
            if (privateKey instanceof RSAPrivateKey) {
                expectWrap(alg, "RSA-OAEP-256");
                Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
                oaep.init(
                        Cipher.DECRYPT_MODE,
                        privateKey,
                        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                return material(oaep.doFinal(wrapped), 64);
            }
            expectWrap(alg, "ECDH-ES+A256KW");
            JsonObject epk = object(wrap, "epk", Step.UNWRAP);
            byte[] z;
            if (privateKey instanceof ECPrivateKey) {
                if (!"EC".equals(string(epk, "kty", Step.UNWRAP)) || !"P-256".equals(string(epk, "crv", Step.UNWRAP))) {
                    throw new Rejected(Step.UNWRAP, "epk " + epk + " is not an EC P-256 key", null);
                }
                z = agree("ECDH", privateKey, publicKey(epk, Step.UNWRAP));
            } else if (privateKey instanceof XECPrivateKey) {
                if (!"OKP".equals(string(epk, "kty", Step.UNWRAP))
                        || !"X25519".equals(string(epk, "crv", Step.UNWRAP))) {
                    throw new Rejected(Step.UNWRAP, "epk " + epk + " is not an X25519 key", null);
                }
                z = agree("XDH", privateKey, publicKey(epk, Step.UNWRAP));
            } else {
                throw new Rejected(Step.UNWRAP, "unsupported terminal key " + privateKey.getAlgorithm(), null);
            }
            if (z.length != 32) {
                throw new Rejected(Step.UNWRAP, "Z of " + z.length + " bytes", null);
            }
            byte[] kek = concatKdf(z, tid);
            Arrays.fill(z, (byte) 0);
            try {
                if (wrapped.length != 72) {
                    throw new Rejected(Step.UNWRAP, "ECDH-ES+A256KW of " + wrapped.length + " bytes, not 72", null);
                }
                return material(aesKeyUnwrap(kek, wrapped), 64);
            } finally {
                Arrays.fill(kek, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new Rejected(Step.UNWRAP, alg + " does not unwrap under this terminal's key: " + e, e);
        }
    }

    private static void expectWrap(String alg, String expected) throws Rejected {
        if (!alg.equals(expected)) {
            throw new Rejected(Step.UNWRAP, "wrap.alg " + alg + " for a terminal key that needs " + expected, null);
        }
    }

    private static byte[] material(byte[] material, int length) throws Rejected {
        if (material.length != length) {
            throw new Rejected(Step.UNWRAP, "key material of " + material.length + " bytes, not " + length, null);
        }
        return material;
    }

    private static byte[] agree(String algorithm, PrivateKey mine, PublicKey theirs) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
        agreement.init(mine);
        agreement.doPhase(theirs, true);
        return agreement.generateSecret();
    }

    /** RFC 3394 with the default IV; the JDK checks the IV (integrity) itself. */
    private static byte[] aesKeyUnwrap(byte[] kek, byte[] wrapped) throws GeneralSecurityException {
        Cipher aesWrap = Cipher.getInstance("AESWrap");
        aesWrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        Key unwrapped = aesWrap.unwrap(wrapped, "RAW", Cipher.SECRET_KEY);
        return unwrapped.getEncoded();
    }

    /**
     * §3.2 step 2, the Concat KDF of RFC 7518 §4.6.2 for a 256-bit key: one SHA-256 of round 1, Z,
     * AlgorithmID, PartyUInfo (empty), PartyVInfo (the terminal id), SuppPubInfo (256).
     */
    static byte[] concatKdf(byte[] z, String tid) {
        byte[] v = tid.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(int32(1));
        input.writeBytes(z);
        input.writeBytes(int32(ECDH_ALGORITHM_ID.length));
        input.writeBytes(ECDH_ALGORITHM_ID);
        input.writeBytes(int32(0));
        input.writeBytes(int32(v.length));
        input.writeBytes(v);
        input.writeBytes(int32(256));
        byte[] bytes = input.toByteArray();
        try {
            return sha256(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    // ---------------------------------------------------------------- §4: the grant key

    /** HKDF-SHA256 (RFC 5869): no salt (32 zero bytes), info "splitcast-license/1 grant", L = 32. */
    static byte[] grantKey(byte[] kt) {
        byte[] prk = hmac(new byte[32], kt);
        try {
            byte[] info = Arrays.copyOf(GRANT_KEY_INFO, GRANT_KEY_INFO.length + 1);
            info[info.length - 1] = 0x01;
            return hmac(prk, info);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    // ---------------------------------------------------------------- §2: encoding

    /** A JWS compact string split into its parts, the first two still as received. */
    private record Jws(String header64, String payload64, byte[] signature) {

        static Jws split(String compact, Step step) throws Rejected {
            if (compact == null) {
                throw new Rejected(step, "missing", null);
            }
            String[] parts = compact.split("\\.", -1);
            if (parts.length != 3) {
                throw new Rejected(step, parts.length + " parts, not 3", null);
            }
            byte[] signature = decode(parts[2], step);
            if (signature.length == 0) {
                throw new Rejected(step, "empty signature", null);
            }
            return new Jws(parts[0], parts[1], signature);
        }

        /** The ASCII bytes of the first two parts joined by the dot, exactly as received. */
        byte[] signingInput() {
            return (header64 + "." + payload64).getBytes(StandardCharsets.US_ASCII);
        }

        JsonObject header(Step step) throws Rejected {
            return json(header64, step);
        }

        JsonObject payload(Step step) throws Rejected {
            return json(payload64, step);
        }
    }

    private static JsonObject json(String part, Step step) throws Rejected {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decode(part, step)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(step, "not UTF-8", e);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new Rejected(step, "not a JSON object: " + e.getMessage(), e);
        }
    }

    /**
     * BASE64URL without padding (RFC 7515 §2). doc: the document does not say whether a
     * non-canonical encoding (padding, or non-zero unused bits in the last character) is to be
     * refused; it is here, so that a flipped bit can never go unnoticed.
     */
    static byte[] decode(String base64url, Step step) throws Rejected {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new Rejected(step, "not base64url: " + e.getMessage(), e);
        }
        if (!base64url(bytes).equals(base64url)) {
            throw new Rejected(step, "not canonical base64url without padding: '" + base64url + "'", null);
        }
        return bytes;
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---------------------------------------------------------------- members

    private static String string(JsonObject object, String name, Step step) throws Rejected {
        if (object.get(name) instanceof JsonString string) {
            return string.getString();
        }
        throw new Rejected(step, "'" + name + "' is missing or not a string in " + object, null);
    }

    private static JsonObject object(JsonObject object, String name, Step step) throws Rejected {
        if (object.get(name) instanceof JsonObject member) {
            return member;
        }
        throw new Rejected(step, "'" + name + "' is missing or not an object", null);
    }

    /** A NumericDate (§2): whole seconds. */
    private static long numericDate(JsonObject object, String name, Step step) throws Rejected {
        Long value = wholeNumber(object.get(name));
        if (value == null) {
            throw new Rejected(step, "'" + name + "' is missing or not a whole number: " + object.get(name), null);
        }
        return value;
    }

    private static Long wholeNumber(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static void requireVersion(JsonObject payload, Step malformed, Step wrong) throws Rejected {
        if (!(payload.get("v") instanceof JsonNumber)) {
            throw new Rejected(malformed, "'v' is missing or not a number", null);
        }
        Long v = wholeNumber(payload.get("v"));
        if (v == null || v != 1) {
            throw new Rejected(wrong, "v = " + payload.get("v") + ", not 1", null);
        }
    }

    /** doc: {@code typ} is specified (§3, §4) but §6 does not list it; checked here when present. */
    private static void checkTyp(JsonObject header, String typ, Step step) throws Rejected {
        if (header.containsKey("typ") && !typ.equals(string(header, "typ", step))) {
            throw new Rejected(step, "typ '" + header.get("typ") + "', not " + typ, null);
        }
    }

    /** doc: silent on {@code crit}; RFC 7515 §4.1.11 says to refuse extensions one does not know. */
    private static void noCrit(JsonObject header, Step step) throws Rejected {
        if (header.containsKey("crit")) {
            throw new Rejected(
                    step, "crit " + header.get("crit") + " names extensions this verifier does not know", null);
        }
    }

    private static Rules rules(JsonObject payload) throws Rejected {
        JsonObject rules = object(payload, "rules", Step.ACCESS_PAYLOAD);
        Long maxPlays = numberOrNull(rules, "maxPlays");
        Long windowHours = numberOrNull(rules, "windowHours");
        JsonValue recording = rules.get("recordingAllowed");
        if (recording != JsonValue.TRUE && recording != JsonValue.FALSE) {
            throw new Rejected(Step.ACCESS_PAYLOAD, "rules.recordingAllowed is not a boolean: " + rules, null);
        }
        return new Rules(maxPlays, windowHours, recording == JsonValue.TRUE);
    }

    /** doc: §3.1 says "number or null" but not whether the member may be absent; absent is refused. */
    private static Long numberOrNull(JsonObject rules, String name) throws Rejected {
        JsonValue value = rules.get(name);
        if (value == JsonValue.NULL) {
            return null;
        }
        Long number = wholeNumber(value);
        if (number == null) {
            throw new Rejected(Step.ACCESS_PAYLOAD, "rules." + name + " is not a whole number or null: " + rules, null);
        }
        return number;
    }

    // ---------------------------------------------------------------- curves

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** y² = x³ + ax + b (mod p), both coordinates in [0, p). */
    private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3)
                .add(spec.getCurve().getA().multiply(x))
                .add(spec.getCurve().getB())
                .mod(p);
        return left.equals(right);
    }

    private static byte[] fixed(byte[] bytes, int length, String name, Step step) throws Rejected {
        if (bytes.length != length) {
            throw new Rejected(step, name + " of " + bytes.length + " bytes, not " + length, null);
        }
        return bytes;
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }
}

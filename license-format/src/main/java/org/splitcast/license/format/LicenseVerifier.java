package org.splitcast.license.format;

import static org.splitcast.license.format.LicenseRejectedException.Reason.ACCESS_EXPIRED;
import static org.splitcast.license.format.LicenseRejectedException.Reason.ACCESS_MISMATCH;
import static org.splitcast.license.format.LicenseRejectedException.Reason.BAD_MAC;
import static org.splitcast.license.format.LicenseRejectedException.Reason.BAD_SIGNATURE;
import static org.splitcast.license.format.LicenseRejectedException.Reason.EXPIRED;
import static org.splitcast.license.format.LicenseRejectedException.Reason.MALFORMED;
import static org.splitcast.license.format.LicenseRejectedException.Reason.NOT_YET_VALID;
import static org.splitcast.license.format.LicenseRejectedException.Reason.REPLAYED_NONCE;
import static org.splitcast.license.format.LicenseRejectedException.Reason.UNKNOWN_SIGNING_KEY;
import static org.splitcast.license.format.LicenseRejectedException.Reason.UNWRAP_FAILED;
import static org.splitcast.license.format.LicenseRejectedException.Reason.WRONG_CONTENT;
import static org.splitcast.license.format.LicenseRejectedException.Reason.WRONG_TERMINAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.LicenseRejectedException.Reason;

/**
 * Seed 003, step 160: what a terminal does with a license, the checks of docs §6 in their order.
 * It fails closed: whatever cannot be parsed or checked rejects the whole license, and Kc leaves
 * only once the signature, the MAC, the nonce and the times have all passed. Thread-safe.
 */
public final class LicenseVerifier {

    /** The clock skew the SDK allows (docs §6). */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(120);

    private final KeySet serverKeys;
    private final CryptoProvider crypto;
    private final Duration clockSkew;

    public LicenseVerifier(KeySet serverKeys, CryptoProvider crypto, Duration clockSkew) {
        this.serverKeys = Objects.requireNonNull(serverKeys, "serverKeys");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
    }

    /**
     * Verifies {@code license} for this terminal, content and request.
     *
     * @param terminalId this terminal's id T
     * @param secret this terminal's key
     * @param expectedNonce the nonce this terminal sent with the request
     * @return the verified values, with Kc
     * @throws LicenseRejectedException at the first check that fails
     */
    public VerifiedLicense verify(
            License license,
            String terminalId,
            TerminalSecret secret,
            String expectedContentId,
            String expectedNonce,
            Instant now)
            throws LicenseRejectedException {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(expectedContentId, "expectedContentId");
        Objects.requireNonNull(expectedNonce, "expectedNonce");
        Objects.requireNonNull(now, "now");
        if (!License.FORMAT.equals(license.format())) {
            throw reject(MALFORMED, "format is not " + License.FORMAT);
        }

        // 1. the access block's signature, under the key its kid names, with that key's algorithm
        CompactJws access = parse(license.access(), "access");
        String alg = headerString(access, "alg", "access");
        String signingKeyId = headerString(access, "kid", "access");
        checkType(access, AccessBlockComposer.TYPE, "access");
        VerificationKey key = serverKeys
                .find(signingKeyId)
                .orElseThrow(() -> reject(UNKNOWN_SIGNING_KEY, "no key '" + signingKeyId + "' in the key set"));
        SignatureAlgorithm algorithm = key.algorithm();
        if (!algorithm.jwsName().equals(alg)) {
            throw reject(
                    BAD_SIGNATURE,
                    "header alg '" + alg + "' is not the " + algorithm.jwsName() + " of key '" + signingKeyId + "'");
        }
        boolean signed;
        try {
            signed = algorithm.verify(key.publicKey(), access.signingInput(), access.signature(), crypto);
        } catch (CryptoException e) {
            signed = false;
        }
        if (!signed) {
            throw reject(BAD_SIGNATURE, "the access block's " + alg + " signature does not verify");
        }

        // 2. the access payload: version, terminal, content, expiry
        JsonNode payload;
        String contentKeyId;
        String cid;
        long accessIat;
        long accessExp;
        AccessRules rules;
        JsonNode wrap;
        try {
            payload = Json.readObject(access.payload(), "access payload");
            requireVersion(payload);
            String tid = Json.requiredString(payload, "tid");
            if (!tid.equals(terminalId)) {
                throw reject(WRONG_TERMINAL, "the access block is for terminal '" + tid + "'");
            }
            cid = Json.requiredString(payload, "cid");
            contentKeyId = Json.requiredString(payload, "kid");
            accessIat = Json.requiredLong(payload, "iat");
            accessExp = Json.requiredLong(payload, "exp");
            JsonNode rulesNode = Json.requiredObject(payload, "rules");
            rules = new AccessRules(
                    Json.nullableInt(rulesNode, "maxPlays"),
                    Json.nullableInt(rulesNode, "windowHours"),
                    Json.requiredBoolean(rulesNode, "recordingAllowed"));
            wrap = Json.requiredObject(payload, "wrap");
        } catch (IllegalArgumentException e) {
            throw reject(MALFORMED, "access payload: " + e.getMessage());
        }
        if (!cid.equals(expectedContentId)) {
            throw reject(WRONG_CONTENT, "the access block is for content '" + cid + "'");
        }
        if (!Instant.ofEpochSecond(accessExp).isAfter(now.minus(clockSkew))) {
            throw reject(ACCESS_EXPIRED, "the access block expired at " + Instant.ofEpochSecond(accessExp));
        }

        // 3. Kc, and the grant key Km
        byte[] material;
        try {
            material = KeyWrap.unwrap(wrap, secret, terminalId, crypto);
        } catch (KeyWrap.UnwrapException e) {
            throw reject(UNWRAP_FAILED, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw reject(MALFORMED, "access wrap: " + e.getMessage());
        } catch (CryptoException e) {
            throw reject(UNWRAP_FAILED, "unwrapping Kc failed: " + e.getMessage());
        }
        byte[] contentKey = Arrays.copyOf(material, GrantKeys.KEY_BYTES);
        byte[] grantKey = secret instanceof TerminalSecret.Symmetric symmetric
                ? GrantKeys.fromTerminalKey(symmetric.kt(), crypto)
                : Arrays.copyOfRange(material, GrantKeys.KEY_BYTES, 2 * GrantKeys.KEY_BYTES);
        SecretKeys.wipe(material);
        boolean released = false;
        try {
            VerifiedLicense verified = verifyGrant(
                    license,
                    grantKey,
                    expectedNonce,
                    now,
                    cid,
                    terminalId,
                    contentKeyId,
                    rules,
                    accessIat,
                    signingKeyId,
                    algorithm,
                    contentKey);
            released = true;
            return verified;
        } finally {
            SecretKeys.wipe(grantKey);
            if (!released) {
                SecretKeys.wipe(contentKey);
            }
        }
    }

    private VerifiedLicense verifyGrant(
            License license,
            byte[] grantKey,
            String expectedNonce,
            Instant now,
            String contentId,
            String terminalId,
            String contentKeyId,
            AccessRules rules,
            long accessIat,
            String signingKeyId,
            SignatureAlgorithm algorithm,
            byte[] contentKey)
            throws LicenseRejectedException {
        // 4. the grant's HMAC under Km
        CompactJws grant = parse(license.grant(), "grant");
        String alg = headerString(grant, "alg", "grant");
        if (!alg.equals("HS256")) {
            throw reject(BAD_MAC, "grant alg '" + alg + "' is not HS256");
        }
        checkType(grant, GrantComposer.TYPE, "grant");
        byte[] expectedMac = GrantComposer.hmac(grantKey, grant.signingInput(), crypto);
        if (!MessageDigest.isEqual(expectedMac, grant.signature())) {
            throw reject(BAD_MAC, "the grant's HMAC does not verify under this terminal's grant key");
        }

        // 5. the grant payload: binding to this access block, nonce, validity window
        String licenseId;
        String nonce;
        String ab;
        long iat;
        long nbf;
        long exp;
        try {
            JsonNode payload = Json.readObject(grant.payload(), "grant payload");
            requireVersion(payload);
            licenseId = Json.requiredString(payload, "lid");
            nonce = Json.requiredString(payload, "nonce");
            ab = Json.requiredString(payload, "ab");
            iat = Json.requiredLong(payload, "iat");
            nbf = Json.requiredLong(payload, "nbf");
            exp = Json.requiredLong(payload, "exp");
        } catch (IllegalArgumentException e) {
            throw reject(MALFORMED, "grant payload: " + e.getMessage());
        }
        byte[] expectedAb =
                GrantComposer.accessBinding(license.access(), crypto).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expectedAb, ab.getBytes(StandardCharsets.US_ASCII))) {
            throw reject(ACCESS_MISMATCH, "the grant is bound to another access block");
        }
        if (!nonce.equals(expectedNonce)) {
            throw reject(REPLAYED_NONCE, "the grant answers another request's nonce (a replayed license)");
        }
        Instant notBefore = Instant.ofEpochSecond(nbf);
        Instant notAfter = Instant.ofEpochSecond(exp);
        if (now.isBefore(notBefore.minus(clockSkew))) {
            throw reject(NOT_YET_VALID, "the license is valid from " + notBefore);
        }
        if (now.isAfter(notAfter.plus(clockSkew))) {
            throw reject(EXPIRED, "the license expired at " + notAfter);
        }
        return new VerifiedLicense(
                licenseId,
                contentId,
                terminalId,
                contentKeyId,
                rules,
                Instant.ofEpochSecond(iat),
                notBefore,
                notAfter,
                Instant.ofEpochSecond(accessIat),
                signingKeyId,
                algorithm,
                contentKey);
    }

    private static CompactJws parse(String compact, String what) throws LicenseRejectedException {
        try {
            return CompactJws.parse(compact, what);
        } catch (IllegalArgumentException e) {
            throw reject(MALFORMED, e.getMessage());
        }
    }

    private static String headerString(CompactJws jws, String member, String what) throws LicenseRejectedException {
        try {
            return Json.requiredString(jws.header(), member);
        } catch (IllegalArgumentException e) {
            throw reject(MALFORMED, what + " header: " + e.getMessage());
        }
    }

    /**
     * The header's {@code typ} must name the part (so that neither part passes for the other), and
     * there must be no {@code crit}: no extension this verifier would have to understand.
     */
    private static void checkType(CompactJws jws, String type, String what) throws LicenseRejectedException {
        JsonNode typ = jws.header().get("typ");
        if (typ == null || !typ.isTextual() || !typ.textValue().equals(type)) {
            throw reject(MALFORMED, what + " header typ is not " + type);
        }
        if (jws.header().has("crit")) {
            throw reject(MALFORMED, what + " header has 'crit', which this format never uses");
        }
    }

    private static void requireVersion(JsonNode payload) {
        if (Json.requiredLong(payload, "v") != 1) {
            throw new IllegalArgumentException("'v' is not 1");
        }
    }

    private static LicenseRejectedException reject(Reason reason, String message) {
        return new LicenseRejectedException(reason, message);
    }
}

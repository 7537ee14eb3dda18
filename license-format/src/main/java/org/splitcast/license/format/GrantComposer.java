package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;

/**
 * Seed 003, step 144: the grant (docs §4) that finishes a license for one request: the request's
 * nonce, the validity window and the license id, bound to the access block and MACed with
 * HMAC-SHA256 under Km. Microseconds per call; thread-safe.
 */
public final class GrantComposer {

    public static final String TYPE = "splitcast-grant+jws";
    public static final int VERSION = 1;

    private static final String HEADER;

    static {
        ObjectNode header = Json.object();
        header.put("alg", "HS256");
        header.put("typ", TYPE);
        HEADER = Base64Url.encode(Json.bytes(header));
    }

    /** What a grant takes from its access block: the block's {@code exp} and the binding {@code ab}. */
    private record AccessParts(long exp, String binding) {}

    private final CryptoProvider crypto;

    /**
     * The parts of recently seen access blocks, keyed by the whole access string (a pure function
     * of it: nothing to invalidate), at most {@link #maxRemembered} entries; emptied when full. A
     * precomputed block is finished into many licenses: its JWS was parsed and hashed again for
     * each (issue 12's profile of a hit).
     */
    private final ConcurrentHashMap<String, AccessParts> remembered;

    private final int maxRemembered;

    /** A composer that reads each access block anew. */
    public GrantComposer(CryptoProvider crypto) {
        this(crypto, 0);
    }

    /**
     * A composer that remembers the expiry and binding of up to {@code maxRemembered} access
     * blocks (a server finishing the same precomputed blocks again and again); 0: none.
     */
    public GrantComposer(CryptoProvider crypto, int maxRemembered) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        if (maxRemembered < 0) {
            throw new IllegalArgumentException("maxRemembered must be 0 or more");
        }
        this.maxRemembered = maxRemembered;
        this.remembered = maxRemembered == 0 ? null : new ConcurrentHashMap<>();
    }

    /**
     * The {@code grant} string.
     *
     * @param accessCompact the license's {@code access}, exactly as it will be sent
     * @param grantKey Km: {@link AccessBlock#grantKey()}, or {@link GrantKeys#fromTerminalKey} for a
     *     symmetric terminal; not kept
     * @param nonce the request's nonce, exactly as sent
     * @param notAfter at or before the access block's {@code exp} (docs §4)
     * @throws IllegalArgumentException for a missing id, an invalid nonce, a Km that is not 32
     *     bytes, an access string that is not an access block, or times out of order
     */
    public String compose(
            String accessCompact,
            byte[] grantKey,
            String licenseId,
            String nonce,
            Instant issuedAt,
            Instant notBefore,
            Instant notAfter) {
        Ids.require(licenseId, "licenseId");
        if (!Nonces.isValid(nonce)) {
            throw new IllegalArgumentException("nonce must be base64url without padding of 16 to 64 bytes");
        }
        if (grantKey == null || grantKey.length != GrantKeys.KEY_BYTES) {
            throw new IllegalArgumentException("the grant key Km must be " + GrantKeys.KEY_BYTES + " bytes");
        }
        long iat = Objects.requireNonNull(issuedAt, "issuedAt").getEpochSecond();
        long nbf = Objects.requireNonNull(notBefore, "notBefore").getEpochSecond();
        long exp = Objects.requireNonNull(notAfter, "notAfter").getEpochSecond();
        if (exp < nbf) {
            throw new IllegalArgumentException("notAfter is before notBefore");
        }
        AccessParts access = accessParts(Objects.requireNonNull(accessCompact, "access"));
        long accessExp = access.exp();
        if (exp > accessExp) {
            throw new IllegalArgumentException(
                    "notAfter " + notAfter + " is after the access block's expiry " + Instant.ofEpochSecond(accessExp));
        }

        ObjectNode payload = Json.object();
        payload.put("v", VERSION);
        payload.put("lid", licenseId);
        payload.put("nonce", nonce);
        payload.put("iat", iat);
        payload.put("nbf", nbf);
        payload.put("exp", exp);
        payload.put("ab", access.binding());
        String signingInput = HEADER + "." + Base64Url.encode(Json.bytes(payload));
        byte[] mac = hmac(grantKey, signingInput.getBytes(StandardCharsets.US_ASCII), crypto);
        return signingInput + "." + Base64Url.encode(mac);
    }

    /** {@code ab}: BASE64URL(SHA-256(ASCII bytes of the whole access string)). */
    static String accessBinding(String accessCompact, CryptoProvider crypto) {
        return Base64Url.encode(
                crypto.threadDigest("SHA-256").digest(accessCompact.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] hmac(byte[] key, byte[] signingInput, CryptoProvider crypto) {
        try {
            Mac mac = crypto.threadMac("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput);
        } catch (InvalidKeyException e) {
            throw new CryptoException("HMAC-SHA256 failed", e);
        }
    }

    private AccessParts accessParts(String accessCompact) {
        if (remembered == null) {
            return readParts(accessCompact);
        }
        AccessParts parts = remembered.get(accessCompact);
        if (parts == null) {
            parts = readParts(accessCompact);
            if (remembered.size() >= maxRemembered) {
                remembered.clear();
            }
            remembered.put(accessCompact, parts);
        }
        return parts;
    }

    /** Number of access blocks remembered now (for tests). */
    int remembered() {
        return remembered == null ? 0 : remembered.size();
    }

    private AccessParts readParts(String accessCompact) {
        return new AccessParts(accessExpiry(accessCompact), accessBinding(accessCompact, crypto));
    }

    private static long accessExpiry(String accessCompact) {
        CompactJws access = CompactJws.parse(accessCompact, "access");
        if (!AccessBlockComposer.TYPE.equals(access.header().path("typ").asText(AccessBlockComposer.TYPE))) {
            throw new IllegalArgumentException("access is not an access block");
        }
        JsonNode payload = Json.readObject(access.payload(), "access payload");
        return Json.requiredLong(payload, "exp");
    }
}

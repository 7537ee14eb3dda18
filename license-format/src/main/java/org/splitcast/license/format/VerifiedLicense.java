package org.splitcast.license.format;

import java.time.Instant;

/**
 * A license that passed every check of docs §6, with the values of its verified parts (never the
 * display copies outside them).
 *
 * @param licenseId the grant's {@code lid}
 * @param keyId id of the content key Kc
 * @param issuedAt the grant's {@code iat}
 * @param accessComputedAt the access block's {@code iat}
 * @param signingKeyId the {@code kid} of the key that signed the access block
 * @param contentKey Kc, 32 bytes: the caller wipes it when done; {@link #toString()} never shows it
 */
public record VerifiedLicense(
        String licenseId,
        String contentId,
        String terminalId,
        String keyId,
        AccessRules rules,
        Instant issuedAt,
        Instant notBefore,
        Instant notAfter,
        Instant accessComputedAt,
        String signingKeyId,
        SignatureAlgorithm algorithm,
        byte[] contentKey) {

    /** Overwrites Kc in this object. */
    public void wipe() {
        if (contentKey != null) {
            java.util.Arrays.fill(contentKey, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "VerifiedLicense[licenseId=" + licenseId + ", contentId=" + contentId + ", terminalId=" + terminalId
                + ", keyId=" + keyId + ", rules=" + rules + ", issuedAt=" + issuedAt + ", notBefore=" + notBefore
                + ", notAfter=" + notAfter + ", accessComputedAt=" + accessComputedAt + ", signingKeyId="
                + signingKeyId + ", algorithm=" + (algorithm == null ? null : algorithm.jwsName())
                + ", contentKey=(hidden)]";
    }
}

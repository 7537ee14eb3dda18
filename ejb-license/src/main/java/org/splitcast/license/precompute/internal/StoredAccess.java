package org.splitcast.license.precompute.internal;

import java.time.Instant;

/**
 * An access block ready to be finished into a license (step 144).
 *
 * @param accessBlock the signed access block (JWS compact)
 * @param grantKey Km for a public-key terminal (opened from its envelope); null for an AES
 *     terminal, whose Km derives from KT
 * @param expiresAt the block's own expiry
 */
public record StoredAccess(String accessBlock, byte[] grantKey, Instant expiresAt, String signingKeyId) {

    @Override
    public String toString() {
        return "StoredAccess[signingKeyId=" + signingKeyId + ", expiresAt=" + expiresAt + "]";
    }
}

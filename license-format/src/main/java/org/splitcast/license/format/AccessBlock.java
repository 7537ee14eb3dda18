package org.splitcast.license.format;

import java.time.Instant;

/**
 * A computed access block (docs §3): the compact JWS and what the server needs to store beside
 * it. Times are the whole seconds written into the block.
 *
 * @param compact the {@code access} string of the license
 * @param grantKey Km, the grant's MAC key, for a public-key terminal (it is wrapped inside the
 *     block for the terminal alone); null for a symmetric terminal, whose Km is derived from KT
 *     with {@link GrantKeys}. Secret: {@link #toString()} never shows it
 */
public record AccessBlock(
        String compact,
        String contentId,
        String terminalId,
        String keyId,
        Instant computedAt,
        Instant expiresAt,
        byte[] grantKey) {

    @Override
    public String toString() {
        return "AccessBlock[contentId=" + contentId + ", terminalId=" + terminalId + ", keyId=" + keyId
                + ", computedAt=" + computedAt + ", expiresAt=" + expiresAt + ", grantKey="
                + (grantKey == null ? "null" : "(hidden)") + "]";
    }
}

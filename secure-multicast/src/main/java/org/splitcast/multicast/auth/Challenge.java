package org.splitcast.multicast.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time server challenge for one terminal (claim 2): {@code challengeId} and {@code nonce} are
 * random base64url strings (16 and 32 bytes); the terminal answers with a {@link SessionProof}
 * over them before {@code expiresAt}. What POST /api/terminals/{id}/challenge returns.
 */
public record Challenge(String challengeId, String terminalId, String nonce, Instant issuedAt, Instant expiresAt) {

    public Challenge {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

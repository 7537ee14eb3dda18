package org.splitcast.session.live;

import java.time.Instant;

/**
 * A one-time challenge for a terminal (docs/live.md §1), as {@code POST
 * /api/terminals/{id}/challenge} returns it.
 *
 * @param challengeId base64url of 16 random bytes
 * @param nonce base64url of 32 random bytes
 * @param expiresAt when it can no longer be answered
 */
public record LiveChallenge(String challengeId, String nonce, Instant expiresAt) {}

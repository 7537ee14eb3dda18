package org.splitcast.multicast.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalKey;

/**
 * The server side of claim 2: issues challenges and checks the answers. A challenge is taken from
 * the store before its proof is checked, so it is answered at most once whatever the outcome (a
 * replayed request fails as UNKNOWN_CHALLENGE). Thread-safe if the store is.
 */
public final class SessionAuthenticator {

    /** Default lifetime of a challenge. */
    public static final Duration DEFAULT_CHALLENGE_LIFETIME = Duration.ofMinutes(2);

    private final ChallengeStore store;
    private final Duration lifetime;
    private final Clock clock;
    private final CryptoProvider crypto;
    private final SessionProof proofs;

    public SessionAuthenticator(ChallengeStore store, Duration lifetime, Clock clock, CryptoProvider crypto) {
        this.store = Objects.requireNonNull(store, "store");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.proofs = new SessionProof(crypto);
    }

    /** A new challenge for {@code terminalId} (whose existence the caller has checked). */
    public Challenge issue(String terminalId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Challenge c = new Challenge(
                b64.encodeToString(crypto.randomBytes(16)),
                terminalId,
                b64.encodeToString(crypto.randomBytes(32)),
                clock.instant(),
                clock.instant().plus(lifetime));
        store.put(c);
        return c;
    }

    /**
     * Checks a session request's proof; returns the challenge it answered.
     *
     * @throws AuthenticationException naming why the request is refused
     */
    public Challenge authenticate(
            String terminalId, String contentId, String challengeId, String proof, TerminalKey terminalKey)
            throws AuthenticationException {
        Challenge challenge = store.take(challengeId == null ? "" : challengeId)
                .orElseThrow(() -> new AuthenticationException(
                        AuthenticationException.Reason.UNKNOWN_CHALLENGE,
                        "unknown or already answered challenge: ask for a new one"));
        if (!challenge.terminalId().equals(terminalId)) {
            throw new AuthenticationException(
                    AuthenticationException.Reason.WRONG_TERMINAL, "the challenge was issued to another terminal");
        }
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            throw new AuthenticationException(
                    AuthenticationException.Reason.EXPIRED_CHALLENGE, "the challenge has expired: ask for a new one");
        }
        proofs.verify(challenge, contentId, proof, terminalKey);
        return challenge;
    }
}

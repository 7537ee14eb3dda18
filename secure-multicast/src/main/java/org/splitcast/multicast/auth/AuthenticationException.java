package org.splitcast.multicast.auth;

/**
 * A session request whose proof does not hold. {@link #reason()} is stable (for an API's error
 * code); the message says what is wrong without naming any key.
 */
public final class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the proof was refused. */
    public enum Reason {
        /** The challenge was never issued, or was already answered (a replay). */
        UNKNOWN_CHALLENGE,
        /** The challenge's lifetime is over. */
        EXPIRED_CHALLENGE,
        /** The challenge was issued to another terminal. */
        WRONG_TERMINAL,
        /** The proof is malformed or does not verify under the terminal's key. */
        BAD_PROOF,
        /** The terminal's kind of key cannot make a proof. */
        UNSUPPORTED_KEY
    }

    private final Reason reason;

    public AuthenticationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

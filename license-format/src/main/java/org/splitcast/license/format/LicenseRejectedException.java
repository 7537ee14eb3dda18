package org.splitcast.license.format;

import java.util.Objects;

/**
 * A license did not verify (docs §6): none of it may be used. The message says what failed, never
 * with key bytes.
 */
public final class LicenseRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, in the order of the checks of docs §6. */
    public enum Reason {
        /** Not a license of this format: bad JSON, JWS structure, member or version. */
        MALFORMED,
        /** The access block's {@code kid} is not in the server's key set. */
        UNKNOWN_SIGNING_KEY,
        /**
         * The access block's signature does not verify, or its header's {@code alg} is not the
         * algorithm of the key under {@code kid} ({@code none} included).
         */
        BAD_SIGNATURE,
        /** The access block is for another terminal. */
        WRONG_TERMINAL,
        /** The access block is for another content than the one asked for. */
        WRONG_CONTENT,
        /** The access block's {@code exp} has passed. */
        ACCESS_EXPIRED,
        /** Kc cannot be unwrapped with this terminal's key. */
        UNWRAP_FAILED,
        /** The grant's HMAC does not verify under Km, or its {@code alg} is not HS256. */
        BAD_MAC,
        /** The grant is bound to another access block ({@code ab}). */
        ACCESS_MISMATCH,
        /** The grant's nonce is not the one this request sent: an old answer replayed. */
        REPLAYED_NONCE,
        /** The grant's {@code nbf} is still ahead. */
        NOT_YET_VALID,
        /** The grant's {@code exp} has passed. */
        EXPIRED
    }

    private final Reason reason;

    public LicenseRejectedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}

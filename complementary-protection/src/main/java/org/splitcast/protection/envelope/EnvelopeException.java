package org.splitcast.protection.envelope;

/**
 * An envelope that cannot be used: malformed, truncated, of an unsupported version or codec, in
 * the wrong place, or not authentic under the key and context it was opened with. The message
 * says which envelope and why, never with key or plaintext bytes; {@link #kind()} is for callers
 * that map failures to exit codes or problem types.
 */
public class EnvelopeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong, from the point of view of a caller that must decide what to do. */
    public enum Kind {
        /** The bytes are not an envelope (magic) or break a structural rule. */
        MALFORMED,
        /** The input ends inside an envelope. */
        TRUNCATED,
        /** A version or compression code this reader does not know. */
        UNSUPPORTED,
        /**
         * The envelope is authentic but not the one expected here: another type, or another chunk
         * index (a chunk swapped or replayed from another position).
         */
        WRONG_POSITION,
        /**
         * The tag does not verify: the key is not the one that sealed it, the envelope was sealed
         * for another content, key id or purpose, or a byte of it was altered.
         */
        NOT_AUTHENTIC
    }

    private final Kind kind;

    public EnvelopeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EnvelopeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package org.splitcast.separation.complementary;

/**
 * Complementary information that cannot be used: it is not a complementary container, it is
 * corrupt, tampered or truncated, or it does not belong to the main stream it is applied to. The
 * message says which record or byte range is at fault; {@link #kind()} says what went wrong, for
 * callers that map it to an exit code or a problem type.
 */
public class ComplementaryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong, from the point of view of a caller that must decide what to do next. */
    public enum Kind {
        /** The bytes do not start with the container's magic number. */
        NOT_COMPLEMENTARY,
        /** A container of a major version this reader does not know. */
        UNSUPPORTED_VERSION,
        /** A checksum or a structural rule failed: corrupt or tampered. */
        CORRUPT,
        /** The container ends before its trailer. */
        TRUNCATED,
        /** The main stream is not the one this complementary information was made for. */
        WRONG_MAIN_STREAM,
        /** The main stream ends before the range that a chunk covers. */
        MAIN_TRUNCATED,
        /** The main stream goes on after the last chunk. */
        MAIN_TOO_LONG,
        /** Applying a chunk did not give the original bytes it promises: the chunk was tampered. */
        INCONSISTENT
    }

    private final Kind kind;

    public ComplementaryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

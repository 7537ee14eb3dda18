package org.splitcast.terminal.sdk;

/**
 * Playback stopped because what the server delivered cannot be trusted: the complementary
 * information does not open or is not what it claims, its key is not the license's, or the main
 * stream is not the one it was made for. Nothing wrong was written: the output stops before the
 * first range that failed its checks.
 */
public final class PlayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        /**
         * An envelope did not open (tampered, sealed for another content or key, or the license's
         * key is not the one it was sealed under), was in the wrong place (a chunk swapped or
         * replayed), or held something that is not valid complementary information.
         */
        COMPLEMENTARY_REJECTED,
        /** The chunks are sealed under a key id that even a fresh license does not give. */
        KEY_MISMATCH,
        /** The main stream does not match the complementary information (another stream, damaged, cut). */
        MAIN_STREAM_MISMATCH
    }

    private final Kind kind;

    public PlayException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package org.splitcast.separation.cli;

/** Exit codes of {@code splitcast-separate}: documented in its usage text and in docs/. */
public enum ExitCode {
    OK(0),
    /** A bug: an unexpected exception (its stack trace is printed). */
    INTERNAL(1),
    /** Wrong command line. */
    USAGE(2),
    /**
     * Bad input: not a usable transport stream, or complementary information that is corrupt,
     * truncated, tampered or made for another main stream.
     */
    BAD_INPUT(3),
    /** A file cannot be read or written (missing, no permission, disk full, broken pipe). */
    IO(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

package org.splitcast.separation.ts;

/**
 * The input cannot be separated: it is not an MPEG transport stream, or a broken one, or one with
 * nothing to protect. The message is meant for the operator: it says what is wrong and where
 * (byte offset, packet number, PID).
 */
public class StreamFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Problem {
        EMPTY,
        NOT_TRANSPORT_STREAM,
        TRUNCATED_PACKET,
        SYNC_LOST,
        INVALID_PACKET,
        INVALID_PSI,
        NO_PROGRAM,
        NOTHING_TO_PROTECT
    }

    private final Problem problem;

    public StreamFormatException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

package org.splitcast.multicast.group;

/**
 * A membership request that cannot be honoured (unknown session, a session of another terminal,
 * an unknown group). {@link #reason()} is stable for an API's error code.
 */
public final class MembershipException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        UNKNOWN_GROUP,
        UNKNOWN_SESSION,
        NOT_YOUR_SESSION,
        SESSION_EXISTS
    }

    private final Reason reason;

    public MembershipException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

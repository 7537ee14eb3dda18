package org.splitcast.error;

import jakarta.ejb.ApplicationException;

/**
 * A business failure that the caller can act on. It rolls back the transaction it happens in, so
 * a failed request leaves no half-written row. Its message is shown to the caller: it must never
 * contain key material or anything about other subscribers.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class SplitcastException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    protected SplitcastException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

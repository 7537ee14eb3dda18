package org.splitcast.session.live;

import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;

/**
 * A live request refused with one of the live error codes (a failed proof, a session of another
 * terminal...) or a general one (not entitled, revoked, not found). The message never holds a key.
 */
public class LiveProblemException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public LiveProblemException(ErrorCode code, String message) {
        super(code, message);
    }
}

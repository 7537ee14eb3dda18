package org.splitcast.license;

import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;

/**
 * A license the server will not issue: {@link ErrorCode#NOT_ENTITLED}, {@link
 * ErrorCode#TERMINAL_REVOKED}, {@link ErrorCode#PLAY_LIMIT_REACHED}, {@link
 * ErrorCode#TOO_MANY_IN_FLIGHT}, {@link ErrorCode#NONCE_REUSED} or {@link ErrorCode#FORBIDDEN}.
 */
public class LicenseRefusedException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public LicenseRefusedException(ErrorCode code, String message) {
        super(code, message);
    }
}

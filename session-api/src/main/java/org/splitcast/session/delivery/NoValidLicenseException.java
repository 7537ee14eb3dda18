package org.splitcast.session.delivery;

import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;

/** The terminal holds no license for the content that is valid now: no complementary byte is sent. */
public class NoValidLicenseException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public NoValidLicenseException(String message) {
        super(ErrorCode.NO_VALID_LICENSE, message);
    }
}

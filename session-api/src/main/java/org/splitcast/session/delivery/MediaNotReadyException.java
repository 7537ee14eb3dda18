package org.splitcast.session.delivery;

import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;

/** The content's media is not ready yet (ingest or re-sealing under way): retry shortly. */
public class MediaNotReadyException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public MediaNotReadyException(String message) {
        super(ErrorCode.NOT_READY, message);
    }
}

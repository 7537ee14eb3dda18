package org.splitcast.session.ingest;

import org.splitcast.error.ErrorCode;
import org.splitcast.error.SplitcastException;

/** The media store could not take the stream (full disk, write error); nothing of it was kept. */
public class IngestStorageException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public IngestStorageException(String message) {
        super(ErrorCode.INSUFFICIENT_STORAGE, message);
    }
}

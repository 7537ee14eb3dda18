package org.splitcast.testing.media;

import java.io.IOException;

/** An external command ran past its timeout; it and its children were killed. */
public final class CommandTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    CommandTimeoutException(String message) {
        super(message);
    }
}

package org.splitcast.testing.media;

import java.io.IOException;

/** An external command exited with a non-zero code where success was required. */
public final class CommandFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient CommandResult result;

    CommandFailedException(String what, CommandResult result) {
        super(what + " failed: " + result);
        this.result = result;
    }

    /** @return the failed command's exit code and output */
    public CommandResult result() {
        return result;
    }
}

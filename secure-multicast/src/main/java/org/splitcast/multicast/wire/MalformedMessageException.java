package org.splitcast.multicast.wire;

/** A binary message of docs/live.md that does not follow its format; the message names the field. */
public class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}

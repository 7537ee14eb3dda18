package org.splitcast.multicast.terminal;

/**
 * The central server or an edge node refused a request, or could not be reached. {@link #status()}
 * is the HTTP status (0 when none came), {@link #code()} the problem's stable code if any.
 */
public final class LiveApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public LiveApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

package org.splitcast.terminal.sdk;

/**
 * The server refused a request: a non-2xx answer, with its problem details (RFC 9457,
 * docs/problems.md) when it sent some.
 */
public final class LicenseRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final String detail;

    /**
     * @param type the problem {@code type} URI, or null
     * @param code the problem {@code code} (the last segment of {@code type}), or null
     * @param detail the problem {@code detail} (for humans), or null
     */
    public LicenseRequestException(int status, String type, String code, String detail) {
        super("HTTP " + status + (code == null ? "" : " " + code) + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.code = code;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}

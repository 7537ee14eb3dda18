package org.splitcast.error;

import java.net.URI;

/**
 * Stable error codes. Each has a problem type URI ({@code https://splitcast.org/problems/<slug>})
 * that REST clients can switch on and that SOAP faults carry too; docs/problems.md lists them.
 * Never rename a slug: integrators depend on it.
 */
public enum ErrorCode {
    /** The request body or parameters break a rule (a field is missing, too long, out of range). */
    VALIDATION("validation", "Invalid request"),
    /** The request body is not readable JSON of the expected shape. */
    MALFORMED_REQUEST("malformed-request", "Malformed request"),
    /** The named resource does not exist (or no longer does). */
    NOT_FOUND("not-found", "Not found"),
    /** A resource with that identifier or name already exists. */
    CONFLICT("conflict", "Conflict"),
    /** A registered key is not acceptable (malformed, weak, or of a kind we do not support). */
    INVALID_KEY("invalid-key", "Unacceptable key"),
    /** No (valid) credentials were presented. */
    UNAUTHENTICATED("unauthenticated", "Authentication required"),
    /** The caller is known but may not do this, or may not touch someone else's data. */
    FORBIDDEN("forbidden", "Forbidden"),
    /** The HTTP method is not supported on this resource. */
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    /** The representation asked for or sent is not supported. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    /** Something failed inside the server; the response carries an id to find it in the log. */
    INTERNAL("internal", "Internal server error");

    private static final String BASE = "https://splitcast.org/problems/";

    private final String slug;
    private final String title;

    ErrorCode(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(BASE + slug);
    }
}

package org.splitcast.error;

import java.net.URI;

/**
 * Stable error codes. Each has a problem type URI ({@code https://splitcast.org/problems/<slug>})
 * that REST clients can switch on and that SOAP faults carry too; docs/problems.md lists them.
 * Never rename a slug: integrators depend on it.
 */
public enum ErrorCode {
    /** The request body or parameters break a rule (a field is missing, too long, out of range). */
    VALIDATION("validation", "Invalid request", 400),
    /** The request body is not readable JSON of the expected shape. */
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    /** The named resource does not exist (or no longer does). */
    NOT_FOUND("not-found", "Not found", 404),
    /** A resource with that identifier or name already exists. */
    CONFLICT("conflict", "Conflict", 409),
    /** A registered key is not acceptable (malformed, weak, or of a kind we do not support). */
    INVALID_KEY("invalid-key", "Unacceptable key", 400),
    /** No (valid) credentials were presented. */
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    /** The caller is known but may not do this, or may not touch someone else's data. */
    FORBIDDEN("forbidden", "Forbidden", 403),
    /** A license was asked for a content the terminal's subscriber holds no current entitlement to. */
    NOT_ENTITLED("not-entitled", "Not entitled to this content", 403),
    /** A license was asked for a terminal that has been revoked. */
    TERMINAL_REVOKED("terminal-revoked", "Terminal revoked", 403),
    /** The content's maximum number of plays within its window has been reached. */
    PLAY_LIMIT_REACHED("play-limit-reached", "Play limit reached", 403),
    /**
     * Complementary information was asked for a terminal that holds no license for the content
     * valid now (none issued, expired, or the terminal revoked).
     */
    NO_VALID_LICENSE("no-valid-license", "No valid license", 403),
    /**
     * A license request repeated a nonce that the same terminal already sent within the validity of
     * a license: a replayed request. A terminal sends a fresh random nonce with every request.
     */
    NONCE_REUSED("nonce-reused", "Nonce already used", 409),
    /**
     * Too many failed sign-ins for the account or from the client's address, or too many password
     * checks in progress: retry after the {@code Retry-After} seconds.
     */
    TOO_MANY_LOGIN_ATTEMPTS("too-many-login-attempts", "Too many sign-in attempts", 429),
    /** The content's media is not ready yet (ingest or re-sealing under way): retry shortly. */
    NOT_READY("not-ready", "Not ready", 409),
    /** A live session request answers a challenge never issued, or already answered (a replay). */
    UNKNOWN_CHALLENGE("unknown-challenge", "Unknown or already answered challenge", 401),
    /** A live session request answers a challenge after its expiry. */
    EXPIRED_CHALLENGE("expired-challenge", "Expired challenge", 401),
    /** A live session request answers a challenge issued to another terminal. */
    WRONG_TERMINAL("wrong-terminal", "Challenge of another terminal", 401),
    /** A live session proof that the terminal's registered key does not verify. */
    BAD_PROOF("bad-proof", "Wrong session proof", 401),
    /** A live session proof the terminal's kind of key cannot make (X25519 cannot sign). */
    UNSUPPORTED_KEY("unsupported-key", "Key cannot prove", 401),
    /** A renewal, departure or key request for a live session of another terminal. */
    NOT_YOUR_SESSION("not-your-session", "Session of another terminal", 403),
    /** The server could not store what was sent (its disk is full or failing); nothing was kept. */
    INSUFFICIENT_STORAGE("insufficient-storage", "Insufficient storage", 507),
    /** The request body is larger than this operation accepts. */
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    /** The subscriber already has the allowed number of license requests in progress. */
    TOO_MANY_IN_FLIGHT("too-many-in-flight", "Too many license requests in progress", 429),
    /** The HTTP method is not supported on this resource. */
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    /** The body sent is of a media type the operation does not consume. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    /** The Accept header names no media type the operation produces. */
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    /** Something failed inside the server; the response carries an id to find it in the log. */
    INTERNAL("internal", "Internal server error", 500);

    private static final String BASE = "https://splitcast.org/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ErrorCode(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The HTTP status of a REST response with this code (SOAP faults carry it too). */
    public int status() {
        return status;
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

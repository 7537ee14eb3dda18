package org.splitcast.portal.api;

import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.json.JsonBodyException;

/**
 * The one place that bounds what a client sends: every request body that is not a media upload
 * ({@code video/mp2t}, {@code application/octet-stream}: streamed to disk by the ingest) is at
 * most {@code splitcast.api.max-body-bytes} bytes (default 1 MiB), JSON (REST) and XML (SOAP)
 * alike; a larger one is refused with 413 {@code payload-too-large} before it is read ({@link
 * RequestLimitsFilter} by its {@code Content-Length}, the readers while counting a chunked one).
 * Text a client sent and an error shows back (an id in a problem's detail) is shortened to
 * {@value #MAX_ECHO} characters.
 */
public final class RequestLimits {

    public static final int DEFAULT_MAX_BODY = 1 << 20;
    /** The longest client text (an id) that a problem's detail repeats. */
    public static final int MAX_ECHO = 64;
    /** Media types of the uploads that the ingest streams to disk, under its own limits. */
    static final List<String> MEDIA_UPLOADS = List.of("video/mp2t", "application/octet-stream");

    private static volatile int maxBody = -1;

    private RequestLimits() {}

    /** Thrown while reading a body without {@code Content-Length} once it passes the limit. */
    public static final class TooLarge extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int max) {
            super(tooLargeDetail(max));
        }
    }

    /** The largest non-media request body, in bytes. */
    public static int maxJsonBytes() {
        int max = maxBody;
        if (max < 0) {
            try {
                max = ConfigProvider.getConfig()
                        .getOptionalValue("splitcast.api.max-body-bytes", Integer.class)
                        .orElse(DEFAULT_MAX_BODY);
            } catch (RuntimeException | LinkageError e) {
                max = DEFAULT_MAX_BODY; // outside the server (unit tests)
            }
            maxBody = max;
        }
        return max;
    }

    static boolean isMediaUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return MEDIA_UPLOADS.contains(type);
    }

    public static JsonBodyException tooLarge(int max) {
        return new JsonBodyException(ErrorCode.PAYLOAD_TOO_LARGE, tooLargeDetail(max), null);
    }

    static String tooLargeDetail(int max) {
        return "The request body is larger than the " + max + " bytes this operation accepts";
    }

    /** {@code text} as a problem may show it back: at most {@value #MAX_ECHO} characters. */
    public static String echo(String text) {
        if (text == null || text.length() <= MAX_ECHO) {
            return text;
        }
        return text.substring(0, MAX_ECHO) + "… (" + text.length() + " characters)";
    }
}

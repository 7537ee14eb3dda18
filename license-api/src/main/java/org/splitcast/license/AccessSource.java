package org.splitcast.license;

import java.util.Locale;

/** Where the access block of a license came from: the header {@code Splitcast-Access} says it. */
public enum AccessSource {
    /** Found in the precomputed access store (step 146). */
    PRECOMPUTED,
    /** Computed when the request arrived (step 142). */
    COMPUTED;

    /** The header value: {@code precomputed} or {@code computed}. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

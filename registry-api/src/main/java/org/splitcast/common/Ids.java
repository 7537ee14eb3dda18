package org.splitcast.common;

import java.util.UUID;

/**
 * Identifiers of subscribers, terminals, contents, packages and entitlements: chosen by the
 * integrator (their own system's id) or generated here. Either way they are short, URL-safe and
 * never need escaping.
 */
public final class Ids {

    /** What an identifier may look like: 1 to 64 of letters, digits, '.', '_' and '-'. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final String MESSAGE =
            "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Ids() {}

    /** {@code requested} if given, else a new random UUID. */
    public static String orNew(String requested) {
        return requested == null || requested.isEmpty() ? UUID.randomUUID().toString() : requested;
    }
}

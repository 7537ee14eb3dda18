package org.splitcast.portal.security;

import java.time.Instant;
import org.splitcast.registry.account.Caller;

/**
 * A signed-in browser (the portal): who it is, the token it must echo in {@link
 * SessionCookie#CSRF_HEADER} on every unsafe request, and when it expires. The session token
 * itself (the cookie's value) is not kept here: the store keys sessions by its hash.
 *
 * @param caller the account signed in
 * @param csrfToken the anti-CSRF token, base64url of 32 random bytes
 * @param createdAt when the account signed in
 * @param expiresAt when the session ends at the latest, however active it is
 */
public record BrowserSession(Caller caller, String csrfToken, Instant createdAt, Instant expiresAt) {

    @Override
    public String toString() {
        // never the CSRF token, should this end up in a log
        return "BrowserSession[username=" + caller.username() + ", createdAt=" + createdAt + "]";
    }
}

package org.splitcast.portal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's session cookie and CSRF header. The cookie is {@code HttpOnly} (no script reads
 * it), {@code SameSite=Strict} (no other site's page sends it), {@code Path=/}, without an expiry
 * (it goes when the browser closes; the server ends it sooner), and {@code Secure} when the
 * request came over TLS or {@code splitcast.session.secure-cookie=true} says a TLS proxy is in
 * front.
 */
public final class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "splitcast_session";
    /** The header that carries the CSRF token on unsafe requests of a signed-in browser. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {}

    /** The session token the request carries, or null. */
    public static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The {@code Set-Cookie} header value that stores the token. */
    public static String set(String token, boolean secure) {
        return NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} header value that deletes the cookie. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Safe methods (RFC 9110 §9.2.1) need no CSRF token; every other does. */
    public static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}

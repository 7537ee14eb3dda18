/**
 * Authentication and caller identity (Jakarta Security): one mechanism for HTTP Basic (API
 * clients) and the portal's session cookie with its CSRF token (browsers, {@link
 * org.splitcast.portal.security.BrowserSessions}), answering failures with problem details; an
 * identity store over the application's accounts (Argon2id hashes); the current caller with the
 * ownership checks ("a subscriber sees only their own data"); the pages' security headers.
 */
package org.splitcast.portal.security;

/**
 * {@code /api/session}: the portal's sign-in and sign-out (a session cookie and a CSRF token for
 * browsers; API clients keep HTTP Basic).
 */
package org.splitcast.portal.api.session;

/**
 * The one place where failures become responses: RFC 9457 problem details ({@code
 * application/problem+json}) with the stable {@code type} of an {@link org.splitcast.error.ErrorCode};
 * 4xx logged at DEBUG, 5xx at ERROR with an id the client gets too; never a stack trace in a
 * response.
 */
package org.splitcast.portal.api.problem;

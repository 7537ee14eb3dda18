/**
 * The business failures of the server as checked exceptions, each with a stable {@link
 * org.splitcast.error.ErrorCode}: the REST layer turns them into RFC 9457 problem details and the
 * SOAP layer into faults with the same codes.
 */
package org.splitcast.error;

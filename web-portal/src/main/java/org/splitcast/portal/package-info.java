/**
 * The web tier of splitcast: the REST API ({@code /api}), its authentication and error handling,
 * health checks, and (later) the SOAP endpoints and the portal UI.
 */
package org.splitcast.portal;

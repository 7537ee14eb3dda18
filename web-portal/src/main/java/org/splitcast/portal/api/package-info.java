/**
 * The REST API under {@code /api} (README "The API"): JSON through JSON-B, errors as RFC 9457 problem
 * details, OpenAPI document at {@code /openapi}. Resources are grouped by feature, one package
 * each; they check who may do what and delegate to the EJB services.
 */
package org.splitcast.portal.api;

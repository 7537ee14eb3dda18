/** REST resources for entitlements: {@code /api/subscribers/{id}/entitlements}. */
package org.splitcast.portal.api.entitlement;

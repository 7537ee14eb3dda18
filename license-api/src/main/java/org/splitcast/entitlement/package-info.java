/** The API of entitlements: {@link org.splitcast.entitlement.EntitlementService} and its DTOs (implementation: ejb-license). */
package org.splitcast.entitlement;

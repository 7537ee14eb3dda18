/** The API of entitlements: {@link org.splitcast.registry.entitlement.EntitlementService} and its DTOs (implementation: ejb-license). */
package org.splitcast.registry.entitlement;

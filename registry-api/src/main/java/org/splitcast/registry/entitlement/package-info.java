/** The API of entitlements: {@link org.splitcast.registry.entitlement.EntitlementService} and its DTOs (implementation: ejb-registry; other modules read the registry through the *Directory interfaces). */
package org.splitcast.registry.entitlement;

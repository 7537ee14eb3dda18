/**
 * Entitlements: which subscriber may get which content, by the purchase of one content or by a
 * package, within a validity window. License issuing (step 130) refuses a subscriber who is not
 * entitled.
 */
package org.splitcast.registry.entitlement.internal;

package org.splitcast.registry.events;

import java.time.Instant;

/** One of the subscriber's entitlements was granted or revoked. */
public record EntitlementsChanged(String subscriberId, Instant at) {}

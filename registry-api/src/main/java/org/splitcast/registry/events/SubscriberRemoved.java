package org.splitcast.registry.events;

import java.time.Instant;

/** A subscriber was deleted, with their login, terminals and entitlements. */
public record SubscriberRemoved(String subscriberId, Instant at) {}

package org.splitcast.registry.subscriber;

import java.time.Instant;

/** A subscriber as the API shows it. */
public record SubscriberView(
        String id, String displayName, String username, DemographicsData demographics, Instant createdAt) {}

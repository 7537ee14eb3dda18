package org.splitcast.registry.events;

import java.time.Instant;
import org.splitcast.registry.subscriber.DemographicsData;

/** A subscriber was created, with their login. */
public record SubscriberCreated(String subscriberId, DemographicsData demographics, Instant at) {}

/**
 * Subscribers (the users of seed 003): identity, display name and demographics (age band,
 * country, category) that the recommendation engine (engine 50, database 56) uses for cold starts.
 */
package org.splitcast.registry.subscriber.internal;

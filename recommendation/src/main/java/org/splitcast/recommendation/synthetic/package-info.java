/**
 * A reproducible synthetic population for the recommendation engine of seed 003 (engine 50): {@link
 * org.splitcast.recommendation.synthetic.SyntheticPopulation} makes subscribers in taste clusters,
 * contents with Zipf popularity, viewing histories with a held-out last pick, and entitlements,
 * for the unit tests, the JMH benchmark and the load tests that simulate a peak against the server.
 */
package org.splitcast.recommendation.synthetic;

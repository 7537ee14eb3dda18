/**
 * Metrics of the license server with Micrometer: requests by outcome, precomputed-store hits and
 * misses (steps 146 / 142), the latency histogram of issuing and of computing access blocks.
 */
package org.splitcast.license.metrics.internal;

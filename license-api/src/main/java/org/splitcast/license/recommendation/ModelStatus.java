package org.splitcast.license.recommendation;

import java.time.Instant;

/**
 * The recommendation model of this node.
 *
 * @param builtAt when it was last built (null: not yet)
 * @param buildMillis how long that build took
 * @param subscribers subscribers known to it
 * @param contents contents known to it
 * @param views views it learnt from
 */
public record ModelStatus(Instant builtAt, long buildMillis, long subscribers, long contents, long views) {}

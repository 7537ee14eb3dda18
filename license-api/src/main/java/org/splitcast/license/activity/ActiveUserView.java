package org.splitcast.license.activity;

import java.time.Instant;

/**
 * A subscriber on the active list.
 *
 * @param reason the first event since the subscriber was last taken off the list
 * @param since when that event came
 * @param lastEventAt the latest event
 */
public record ActiveUserView(String subscriberId, ActivityReason reason, Instant since, Instant lastEventAt) {}

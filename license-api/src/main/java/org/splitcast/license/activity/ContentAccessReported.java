package org.splitcast.license.activity;

import java.time.Instant;

/**
 * Domain event: an integrator reported that a terminal accessed a content (step 112's "newly
 * accessed contents"), fired in the reporting transaction and observed after it commits.
 */
public record ContentAccessReported(String subscriberId, String terminalId, String contentId, Instant at) {}

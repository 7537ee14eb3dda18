package org.splitcast.license.precompute;

import java.util.List;

/**
 * What one precompute call did.
 *
 * @param terminals the subscriber's active terminals considered
 * @param computed access blocks computed and stored now
 * @param alreadyStored pairs whose access block was already in the store and still valid
 * @param notEntitled contents skipped because the subscriber is not entitled to them now
 * @param unknownContents ids that name no content
 * @param complete false if a budget stopped it before every access block was stored (the timer's
 *     runs; an operator's call always completes)
 * @param millis time spent
 */
public record PrecomputeReport(
        String subscriberId,
        int terminals,
        int computed,
        int alreadyStored,
        List<String> notEntitled,
        List<String> unknownContents,
        boolean complete,
        long millis) {}

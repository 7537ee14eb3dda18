package org.splitcast.license.precompute;

import java.time.Instant;

/**
 * One decision of the precompute timer (steps 114-126).
 *
 * @param node the server node that ran it
 * @param outcome CLOSED (the gate did not open), COMPLETED (the active list was emptied),
 *     BUDGET_SPENT, GATE_CLOSED (the load reached S1 during the run), PERIOD_OVER, DISABLED (by the
 *     operator during the run), FAILED
 * @param workload the workload when the run started
 * @param trend its trend then
 * @param threshold S1 then
 * @param budget the access blocks the gate allowed
 * @param users subscribers processed (taken off the active list)
 * @param computed access blocks computed
 * @param alreadyStored access blocks found already stored
 */
public record PrecomputeRunView(
        String id,
        String node,
        Instant startedAt,
        long durationMillis,
        String outcome,
        String reason,
        double workload,
        double trend,
        double threshold,
        int budget,
        int users,
        int computed,
        int alreadyStored) {}

package org.splitcast.license.precompute;

/**
 * The state of the load-gated precompute on the node that answers.
 *
 * @param workload license requests per second over the last interval (step 114), on this node
 * @param trend requests per second gained per interval over the last few intervals
 * @param threshold S1
 * @param gateOpen whether the gate would open now
 * @param gateReason why (or why not)
 * @param budget access blocks a run started now could compute
 * @param activeUsersWaiting subscribers on the active list (step 112), cluster-wide
 * @param storeSize entries in the precomputed access store, cluster-wide
 * @param hits licenses served from the store on this node since it started
 * @param misses licenses whose access block was computed at request time on this node
 * @param hitRatio hits ÷ (hits + misses), null before the first license
 * @param lastRun the latest run that got past the gate or was stopped by it, any node
 * @param settings the settings in force
 */
public record PrecomputeStatus(
        double workload,
        double trend,
        double threshold,
        boolean gateOpen,
        String gateReason,
        int budget,
        long activeUsersWaiting,
        long storeSize,
        long hits,
        long misses,
        Double hitRatio,
        PrecomputeRunView lastRun,
        PrecomputeSettings settings) {}

package org.splitcast.license.precompute.load;

/**
 * What {@link PrecomputeGate} decided at the start of a run.
 *
 * @param open whether step 120 runs
 * @param load the measured workload, requests per second
 * @param trend requests per second gained per interval
 * @param projectedLoad the load expected by the end of the run (load + rising trend)
 * @param threshold S1
 * @param headroom S1 − projected load (0 when closed)
 * @param budget how many access blocks the run may compute
 * @param itemsPerSecond the pace the run must keep under
 * @param reason why, in words
 */
public record GateDecision(
        boolean open,
        double load,
        double trend,
        double projectedLoad,
        double threshold,
        double headroom,
        int budget,
        double itemsPerSecond,
        String reason) {

    /** The share of S1 that is still free, from 0 (closed) to 1 (idle). */
    public double headroomShare() {
        return threshold <= 0 ? 0 : Math.max(0, Math.min(1, headroom / threshold));
    }
}

package org.splitcast.license.precompute.load;

import java.time.Duration;

/**
 * Step 114 → 120 of seed 003: whether the precompute step may run, and how much it may do.
 *
 * <p>The gate looks at the workload where it will be during the next run: the measured load plus
 * its rising trend carried over one timer period. It is open only while that projection stays under
 * the threshold S1. The headroom left under S1 is what the run may spend: a run of one period may
 * compute {@code headroom × period ÷ itemCost} access blocks (each counted as {@code itemCost}
 * requests' worth of work), paced at {@code headroom ÷ itemCost} per second, so that requests plus
 * precompute stay under S1. The budget shrinks to nothing as the load nears S1 and is capped by the
 * operator's maximum per run.
 */
public final class PrecomputeGate {

    private PrecomputeGate() {}

    /**
     * @param load requests per second over the last interval ({@link WorkloadMeter#load})
     * @param trend requests per second gained per interval ({@link WorkloadMeter#trend})
     * @param interval the meter's interval
     * @param period the timer's period: how long until the next decision
     * @param threshold S1, in requests per second
     * @param itemCost how many requests' worth of work one precomputed access block is
     * @param maxItemsPerRun the operator's cap on one run
     */
    public static GateDecision decide(
            double load,
            double trend,
            Duration interval,
            Duration period,
            double threshold,
            double itemCost,
            int maxItemsPerRun) {
        if (interval.isZero() || interval.isNegative() || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("interval and period must be positive");
        }
        if (!(itemCost > 0) || threshold < 0 || maxItemsPerRun < 0) {
            throw new IllegalArgumentException("itemCost must be positive, threshold and maxItemsPerRun not negative");
        }
        double periodSeconds = period.toMillis() / 1000.0;
        double rise = Math.max(0, trend) * periodSeconds / (interval.toMillis() / 1000.0);
        double projected = load + rise;
        double headroom = threshold - projected;
        if (headroom <= 0) {
            return new GateDecision(
                    false,
                    load,
                    trend,
                    projected,
                    threshold,
                    0,
                    0,
                    0,
                    rise > 0 && load < threshold ? "load rising toward S1" : "load at or over S1");
        }
        double rate = headroom / itemCost;
        long budget = (long) Math.floor(rate * periodSeconds);
        int capped = (int) Math.min(budget, maxItemsPerRun);
        if (capped == 0) {
            return new GateDecision(
                    false,
                    load,
                    trend,
                    projected,
                    threshold,
                    headroom,
                    0,
                    0,
                    maxItemsPerRun == 0 ? "budget per run set to 0" : "headroom too small for one access block");
        }
        return new GateDecision(true, load, trend, projected, threshold, headroom, capped, rate, "load under S1");
    }

    /**
     * Whether a run under way may go on: the gate closes during a run when the load measured now,
     * with the same projection, reaches S1 (the operator's S1 now: it may have changed).
     */
    public static boolean stillOpen(
            GateDecision atStart, double loadNow, double threshold, Duration interval, Duration period) {
        double rise = Math.max(0, atStart.trend()) * period.toMillis() / (double) interval.toMillis();
        return loadNow + rise < threshold;
    }
}

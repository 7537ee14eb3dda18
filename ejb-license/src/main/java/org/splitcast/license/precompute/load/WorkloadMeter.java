package org.splitcast.license.precompute.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Step 114 of seed 003: the server's workload, the number of license requests (step 130) received
 * during the last interval divided by the interval's length, and its trend, the slope of that
 * figure over the last few intervals.
 *
 * <p>The request path calls {@link #record()}: one compare-and-set on a per-second slot of a ring
 * (the slot's second and its count packed in one {@code long}), no lock, no allocation. Readers
 * sum the slots of the seconds they want, ignoring slots left over from older laps of the ring.
 * Only complete seconds are counted, so a reading does not dip at the start of each second.
 */
public final class WorkloadMeter {

    /** The longest interval a meter may be set to. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);

    /** The most intervals a trend may span. */
    public static final int MAX_TREND_INTERVALS = 12;

    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private final LongSupplier clockMillis;
    private final long startSecond;
    private final AtomicLongArray ring;

    /**
     * @param clockMillis the time in milliseconds ({@link System#currentTimeMillis} on a server; a
     *     settable clock in tests)
     * @param longestSpan the longest span a reading may ask for (interval × trend intervals)
     */
    public WorkloadMeter(LongSupplier clockMillis, Duration longestSpan) {
        if (longestSpan.isNegative() || longestSpan.isZero()) {
            throw new IllegalArgumentException("the meter's span must be positive");
        }
        this.clockMillis = clockMillis;
        this.startSecond = Math.floorDiv(clockMillis.getAsLong(), 1000);
        // one slot more than the span: the current, incomplete second is never read
        this.ring = new AtomicLongArray(Math.toIntExact(longestSpan.toSeconds() + 2));
    }

    /** A meter on the system clock that can serve any allowed interval and trend. */
    public static WorkloadMeter onSystemClock() {
        return new WorkloadMeter(System::currentTimeMillis, MAX_INTERVAL.multipliedBy(MAX_TREND_INTERVALS));
    }

    /** Counts one request, now. */
    public void record() {
        record(1);
    }

    /** Counts {@code n} requests, now. */
    public void record(int n) {
        long second = Math.floorDiv(clockMillis.getAsLong(), 1000);
        int index = slot(second);
        long stamp = second & COUNT_MASK;
        while (true) {
            long current = ring.get(index);
            long next = (current >>> 32) == stamp ? current + n : (stamp << 32) | n;
            if (ring.compareAndSet(index, current, next)) {
                return;
            }
        }
    }

    /**
     * The workload: requests per second over the last {@code interval} of complete seconds (or
     * over the time since the meter started, if that is shorter, so that a fresh server is not
     * taken for an idle one).
     */
    public double load(Duration interval) {
        long now = currentSecond();
        long seconds = Math.min(checked(interval), now - startSecond);
        if (seconds <= 0) {
            return 0;
        }
        return (double) count(now - seconds, now) / seconds;
    }

    /**
     * The workload of each of the last {@code intervals} intervals, oldest first; intervals from
     * before the meter started are left out.
     */
    public double[] loads(Duration interval, int intervals) {
        long length = checked(interval);
        if (intervals < 1 || intervals > MAX_TREND_INTERVALS) {
            throw new IllegalArgumentException("intervals must be within 1.." + MAX_TREND_INTERVALS);
        }
        if (length * intervals > ring.length() - 2) {
            throw new IllegalArgumentException(
                    "this meter keeps " + (ring.length() - 2) + " s, not " + length * intervals + " s");
        }
        long now = currentSecond();
        int complete = (int) Math.min(intervals, (now - startSecond) / length);
        double[] loads = new double[complete];
        for (int i = 0; i < complete; i++) {
            long end = now - (long) (complete - 1 - i) * length;
            loads[i] = (double) count(end - length, end) / length;
        }
        return loads;
    }

    /**
     * The trend: the least-squares slope of the last {@code intervals} workloads, in requests per
     * second gained (or lost, if negative) per interval; 0 with fewer than two complete intervals.
     */
    public double trend(Duration interval, int intervals) {
        return slope(loads(interval, intervals));
    }

    /** The least-squares slope of equally spaced values, per step; 0 for fewer than two values. */
    static double slope(double[] y) {
        int n = y.length;
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (double v : y) {
            meanY += v;
        }
        meanY /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (y[i] - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    /** Requests counted in the complete seconds [from, to). */
    private long count(long from, long to) {
        long total = 0;
        for (long second = from; second < to; second++) {
            long value = ring.get(slot(second));
            if ((value >>> 32) == (second & COUNT_MASK)) {
                total += value & COUNT_MASK;
            }
        }
        return total;
    }

    private long currentSecond() {
        return Math.floorDiv(clockMillis.getAsLong(), 1000);
    }

    private int slot(long second) {
        return (int) Math.floorMod(second, (long) ring.length());
    }

    private long checked(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds < 1 || seconds > ring.length() - 2) {
            throw new IllegalArgumentException(
                    "the interval must be between 1 s and " + (ring.length() - 2) + " s, not " + interval);
        }
        return seconds;
    }
}

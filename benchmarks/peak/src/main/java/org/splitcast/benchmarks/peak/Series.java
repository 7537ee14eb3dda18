package org.splitcast.benchmarks.peak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What one mode recorded and the figures drawn from it: every license request (when it completed,
 * its status, hit or miss, its latency, its phase) and every sample of {@code GET
 * /api/precompute/status}, binned per second relative to the start of the peak. Pure: no clock,
 * no I/O.
 */
final class Series {

    /** The phases of a mode. */
    enum Phase {
        QUIET,
        LISTS,
        PEAK;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One license request. {@code access}: 1 hit (precomputed), 0 miss (computed), -1 neither;
     * {@code pick}: the how-manieth pick of its subscriber in the phase (1 = the first).
     */
    record Request(long completedNanos, int status, int access, long latencyNanos, Phase phase, int pick) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One sample of the precompute status. */
    record Status(
            long atNanos,
            double workload,
            double trend,
            boolean gateOpen,
            boolean enabled,
            long storeSize,
            long activeUsersWaiting,
            long serverHits,
            long serverMisses) {}

    /** One second of a mode: requests completed during it, and the last status sampled in it. */
    record Second(
            int second,
            Phase phase,
            int licenses,
            int hits,
            int misses,
            int errors,
            double meanLatencyMs,
            Status status) {

        /** Hits over licenses with an access header this second; NaN if none. */
        double hitRatio() {
            return hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
        }
    }

    /**
     * The figures of one phase: counts, hit ratio and latencies over every request issued in it;
     * the rate over the 2xx ones that completed within the phase's window.
     */
    record Summary(
            int requests,
            int ok,
            int hits,
            int misses,
            int errors,
            int okInWindow,
            int firstPicks,
            int firstPickHits,
            double seconds,
            double p50Ms,
            double p90Ms,
            double p99Ms,
            double meanMs) {

        double licensesPerSecond() {
            return seconds > 0 ? okInWindow / seconds : Double.NaN;
        }

        double hitRatio() {
            return hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
        }

        /** Hits among the subscribers' first picks of the phase (with an access header). */
        double firstPickHitRatio() {
            return firstPicks == 0 ? Double.NaN : (double) firstPickHits / firstPicks;
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();

    synchronized void add(Request request) {
        requests.add(request);
    }

    synchronized void add(Status status) {
        statuses.add(status);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    /**
     * The requests issued in a phase, summarized; the rate counts the 2xx ones that completed in
     * [{@code fromNanos}, {@code toNanos}).
     */
    static Summary summarize(Collection<Request> requests, Phase phase, long fromNanos, long toNanos) {
        int n = 0;
        int ok = 0;
        int hits = 0;
        int misses = 0;
        int inWindow = 0;
        int firstPicks = 0;
        int firstPickHits = 0;
        long[] latencies = new long[requests.size()];
        double sum = 0;
        for (Request r : requests) {
            if (r.phase() != phase) {
                continue;
            }
            latencies[n++] = r.latencyNanos();
            sum += r.latencyNanos();
            if (r.ok()) {
                ok++;
                if (r.completedNanos() >= fromNanos && r.completedNanos() < toNanos) {
                    inWindow++;
                }
                if (r.access() == 1) {
                    hits++;
                } else if (r.access() == 0) {
                    misses++;
                }
                if (r.pick() == 1 && r.access() >= 0) {
                    firstPicks++;
                    firstPickHits += r.access();
                }
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Summary(
                n,
                ok,
                hits,
                misses,
                n - ok,
                inWindow,
                firstPicks,
                firstPickHits,
                (toNanos - fromNanos) / 1e9,
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.90) / 1e6,
                percentile(sorted, 0.99) / 1e6,
                n == 0 ? Double.NaN : sum / n / 1e6);
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code q} of
     * all at or below it; NaN for no values.
     */
    static double percentile(long[] sorted, double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in (0, 1], was " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /**
     * Per second from {@code firstSecond} to {@code lastSecond} inclusive, second s being [peak
     * start + s, peak start + s + 1) in nanoseconds: each request in the second it completed, the
     * second's phase the one its middle falls in (quiet before {@code listsStartNanos}, the lists'
     * fetch until the peak starts, then the peak), its status the last sampled in it (null if none).
     */
    static List<Second> perSecond(
            Collection<Request> requests,
            Collection<Status> statuses,
            long peakStartNanos,
            long listsStartNanos,
            int firstSecond,
            int lastSecond) {
        int n = Math.max(0, lastSecond - firstSecond + 1);
        int[] licenses = new int[n];
        int[] hits = new int[n];
        int[] misses = new int[n];
        int[] errors = new int[n];
        double[] latency = new double[n];
        int[] count = new int[n];
        Status[] status = new Status[n];
        for (Request r : requests) {
            int i = bin(r.completedNanos(), peakStartNanos) - firstSecond;
            if (i < 0 || i >= n) {
                continue;
            }
            count[i]++;
            latency[i] += r.latencyNanos();
            if (r.ok()) {
                licenses[i]++;
                if (r.access() == 1) {
                    hits[i]++;
                } else if (r.access() == 0) {
                    misses[i]++;
                }
            } else {
                errors[i]++;
            }
        }
        for (Status s : statuses) {
            int i = bin(s.atNanos(), peakStartNanos) - firstSecond;
            if (i >= 0 && i < n && (status[i] == null || status[i].atNanos() <= s.atNanos())) {
                status[i] = s;
            }
        }
        List<Second> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int second = firstSecond + i;
            long middle = peakStartNanos + second * 1_000_000_000L + 500_000_000L;
            Phase phase = middle >= peakStartNanos ? Phase.PEAK : middle >= listsStartNanos ? Phase.LISTS : Phase.QUIET;
            result.add(new Second(
                    second,
                    phase,
                    licenses[i],
                    hits[i],
                    misses[i],
                    errors[i],
                    count[i] == 0 ? Double.NaN : latency[i] / count[i] / 1e6,
                    status[i]));
        }
        return result;
    }

    /** The whole second, relative to the origin, an instant falls in (floor, also for negatives). */
    static int bin(long atNanos, long originNanos) {
        return (int) Math.floorDiv(atNanos - originNanos, 1_000_000_000L);
    }
}

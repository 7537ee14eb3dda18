package org.splitcast.separation.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress and throughput on stderr for long runs: a line about every two seconds once the input
 * is large (or of unknown size), and a summary at the end.
 */
final class Progress {

    static final long LARGE = 64L << 20;
    private static final long PERIOD_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final String verb;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastReport = start;

    Progress(PrintStream err, String verb, long total, boolean quiet, boolean forced) {
        this.err = err;
        this.verb = verb;
        this.total = total;
        this.enabled = !quiet && (forced || total < 0 || total >= LARGE);
    }

    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReport < PERIOD_NANOS) {
            return;
        }
        lastReport = now;
        String of = total > 0 ? String.format(Locale.ROOT, " of %s (%.0f %%)", size(total), 100.0 * done / total) : "";
        err.printf(Locale.ROOT, "%s: %s%s, %s%n", verb, size(done), of, rate(done, now - start));
        err.flush();
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    String rate(long bytes) {
        return rate(bytes, System.nanoTime() - start);
    }

    private static String rate(long bytes, long nanos) {
        return String.format(Locale.ROOT, "%.0f MB/s", nanos <= 0 ? 0.0 : bytes / 1e6 / (nanos / 1e9));
    }

    static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10L << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 10L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }
}

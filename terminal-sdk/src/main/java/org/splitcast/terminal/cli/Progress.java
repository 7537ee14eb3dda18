package org.splitcast.terminal.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long playback on stderr, in the style of {@code splitcast-separate}'s: a line
 * about every two seconds once the stream is large, with bytes, throughput and the time left.
 */
final class Progress {

    static final long LARGE = 64L << 20;
    private static final long PERIOD_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final String verb;
    private final boolean quiet;
    private long total = -1;
    private boolean enabled;
    private final long start = System.nanoTime();
    private long lastReport = start;

    Progress(PrintStream err, String verb, boolean quiet) {
        this.err = err;
        this.verb = verb;
        this.quiet = quiet;
    }

    /** Sets the total once it is known (the main stream's length). */
    void total(long total) {
        this.total = total;
        this.enabled = !quiet && (total < 0 || total >= LARGE);
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
        double seconds = (now - start) / 1e9;
        String of = "";
        String eta = "";
        if (total > 0) {
            of = String.format(Locale.ROOT, " of %s (%.0f %%)", size(total), 100.0 * done / total);
            if (done > 0) {
                eta = ", ETA " + duration((long) (seconds * (total - done) / done));
            }
        }
        err.printf(Locale.ROOT, "%s: %s%s, %s%s%n", verb, size(done), of, rate(done, seconds), eta);
        err.flush();
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    static String rate(long bytes, double seconds) {
        return String.format(Locale.ROOT, "%.0f MB/s", seconds <= 0 ? 0.0 : bytes / 1e6 / seconds);
    }

    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
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

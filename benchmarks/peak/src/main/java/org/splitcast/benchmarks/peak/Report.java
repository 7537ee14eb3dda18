package org.splitcast.benchmarks.peak;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.splitcast.benchmarks.peak.ModeRun.PrecomputeRun;
import org.splitcast.benchmarks.peak.Options.Mode;
import org.splitcast.benchmarks.peak.Series.Phase;
import org.splitcast.benchmarks.peak.Series.Second;
import org.splitcast.benchmarks.peak.Series.Status;

/** The outputs of a run: the Markdown table, the per-second CSV, the timer's runs as CSV, the SVG plot. */
final class Report {

    private static final String OFF_COLOR = "#1f77b4";
    private static final String ON_COLOR = "#d62728";

    /** The figures of one mode, computed once. */
    record Figures(
            ModeRun.Result result,
            Series.Summary peak,
            Series.Summary quiet,
            List<Second> seconds,
            List<PrecomputeRun> quietRuns,
            List<PrecomputeRun> peakRuns,
            long storeAtStart,
            long storeAtPeak,
            long waitingAtPeak,
            double maxPeakWorkload) {

        static Figures of(ModeRun.Result r, int peakSeconds) {
            List<Series.Request> requests = r.series().requests();
            int first = Series.bin(r.quietStartNanos(), r.peakStartNanos());
            // whole seconds of the peak only: the requests under way at its end count in the latencies
            int last = peakSeconds - 1;
            double maxWorkload = 0;
            for (Status s : r.series().statuses()) {
                if (s.atNanos() >= r.peakStartNanos() + 5_000_000_000L && s.atNanos() <= r.peakEndNanos()) {
                    maxWorkload = Math.max(maxWorkload, s.workload());
                }
            }
            return new Figures(
                    r,
                    Series.summarize(requests, Phase.PEAK, r.peakStartNanos(), r.peakEndNanos()),
                    Series.summarize(requests, Phase.QUIET, r.quietStartNanos(), r.listsStartNanos()),
                    Series.perSecond(
                            requests, r.series().statuses(), r.peakStartNanos(), r.listsStartNanos(), first, last),
                    r.quietRuns(),
                    r.peakRuns(),
                    (long) ModeRun.number(r.statusAtStart(), "storeSize"),
                    (long) ModeRun.number(r.statusAtPeak(), "storeSize"),
                    (long) ModeRun.number(r.statusAtPeak(), "activeUsersWaiting"),
                    maxWorkload);
        }

        int computedInQuiet() {
            return quietRuns.stream().mapToInt(PrecomputeRun::computed).sum();
        }

        int alreadyStoredInQuiet() {
            return quietRuns.stream().mapToInt(PrecomputeRun::alreadyStored).sum();
        }

        /** The hit ratio of the peak's n-th picks (each subscriber's first, second, third): NaN if none. */
        double pickHitRatio(int n) {
            int picks = 0;
            int hits = 0;
            for (Series.Request r : result.series().requests()) {
                if (r.phase() == Phase.PEAK && r.pick() == n && r.ok()) {
                    picks++;
                    hits += r.access() == 1 ? 1 : 0;
                }
            }
            return picks == 0 ? Double.NaN : (double) hits / picks;
        }

        long workingRuns(List<PrecomputeRun> runs) {
            return runs.stream().filter(x -> x.computed() > 0).count();
        }

        /** Access blocks the timer computed in runs started during the peak before / after {@code seconds}. */
        int[] computedInPeak(long seconds) {
            Instant split = result.peakStart().plusSeconds(seconds);
            int early = 0;
            int late = 0;
            for (PrecomputeRun r : peakRuns) {
                if (r.startedAt().isBefore(split)) {
                    early += r.computed();
                } else {
                    late += r.computed();
                }
            }
            return new int[] {early, late};
        }

        /** The median of the peak's per-second licenses (2xx): a stall of a second or two barely moves it. */
        double medianSecond() {
            long[] perSecond = seconds.stream()
                    .filter(s -> s.second() >= 0)
                    .mapToLong(Second::licenses)
                    .sorted()
                    .toArray();
            if (perSecond.length == 0) {
                return Double.NaN;
            }
            int mid = perSecond.length / 2;
            return perSecond.length % 2 == 1 ? perSecond[mid] : (perSecond[mid - 1] + perSecond[mid]) / 2.0;
        }

        /** Licenses/s (2xx) in the first and in the second half of the peak's whole seconds. */
        double[] halves() {
            List<Second> peakSeconds =
                    seconds.stream().filter(s -> s.second() >= 0).toList();
            int half = peakSeconds.size() / 2;
            double a = 0;
            double b = 0;
            for (int i = 0; i < peakSeconds.size(); i++) {
                if (i < half) {
                    a += peakSeconds.get(i).licenses();
                } else {
                    b += peakSeconds.get(i).licenses();
                }
            }
            return new double[] {
                half == 0 ? Double.NaN : a / half,
                peakSeconds.size() - half == 0 ? Double.NaN : b / (peakSeconds.size() - half)
            };
        }
    }

    private Report() {}

    static String markdown(
            Options o,
            double s1,
            String s1Source,
            List<String> setupNotes,
            Map<Mode, Figures> f,
            List<String> warnings,
            ModeRun.Calibration missesOnly,
            ModeRun.Calibration hitsOnly) {
        Figures off = f.get(Mode.OFF);
        Figures on = f.get(Mode.ON);
        StringBuilder md = new StringBuilder();
        md.append("# Peak simulation (issue 4): precompute off vs on\n\n");
        md.append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", client ")
                .append(Runtime.version())
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs (server on the same machine unless the URL says otherwise)\n\n");
        md.append(o.summary()).append(".\n\n");
        md.append("S1 = ")
                .append(fmt1(s1))
                .append(" license requests/s (")
                .append(s1Source)
                .append(").\n");
        for (String note : setupNotes) {
            md.append(note).append("\n");
        }
        md.append("\n| | precompute off | precompute on | on ÷ off |\n|---|---:|---:|---:|\n");
        row(md, "**peak: licenses/s**", off, on, x -> x.peak().licensesPerSecond(), Report::fmt1, true, true);
        if (o.primeTime) {
            // a burst of a fixed size: its rate is over the burst itself, first request to last answer
            row(
                    md,
                    "peak: the burst's length",
                    off,
                    on,
                    x -> x.result().peakSeconds(),
                    v -> fmt2(v) + " s",
                    true,
                    false);
        } else {
            row(md, "peak: licenses/s, median second", off, on, Figures::medianSecond, Report::fmt1, true, false);
            text(md, "peak: licenses/s, first half → second half", off, on, x -> {
                double[] h = x.halves();
                return fmt1(h[0]) + " → " + fmt1(h[1]);
            });
        }
        row(md, "peak: p50 latency", off, on, x -> x.peak().p50Ms(), v -> fmt1(v) + " ms", true, false);
        row(md, "peak: p99 latency", off, on, x -> x.peak().p99Ms(), v -> fmt1(v) + " ms", true, false);
        row(md, "**peak: hit ratio**", off, on, x -> x.peak().hitRatio(), Report::percent, false, true);
        for (int pick = 1; pick <= (o.primeTime ? 3 : 1); pick++) {
            int number = pick;
            row(
                    md,
                    "peak: hit ratio of each subscriber's " + (pick == 1 ? "first" : pick == 2 ? "second" : "third")
                            + " pick",
                    off,
                    on,
                    x -> x.pickHitRatio(number),
                    Report::percent,
                    false,
                    false);
        }
        text(
                md,
                "peak: requests (2xx / non-2xx)",
                off,
                on,
                x -> x.peak().ok() + " / " + x.peak().errors());
        text(
                md,
                "peak: requests per subscriber (subscribers who picked)",
                off,
                on,
                x -> fmt1((double) x.peak().requests()
                                / x.result().copy().population.subscriberCount())
                        + " (" + x.peak().firstPicks() + ")");
        long interval = o.interval.toSeconds();
        text(md, "peak: access blocks the timer computed (first " + interval + " s / after)", off, on, x -> {
            int[] c = x.computedInPeak(interval);
            return c[0] + " / " + c[1];
        });
        if (!o.primeTime) {
            text(md, "peak: server workload, max sampled after 5 s", off, on, x -> fmt1(x.maxPeakWorkload()) + "/s");
        }
        text(
                md,
                "quiet: licenses (hit ratio)",
                off,
                on,
                x -> x.quiet().ok() + " (" + percent(x.quiet().hitRatio()) + ")"
                        + (x.quiet().errors() > 0 ? ", " + x.quiet().errors() + " non-2xx" : ""));
        text(
                md,
                "quiet: precompute runs (that computed / all)",
                off,
                on,
                x -> x.workingRuns(x.quietRuns()) + " / " + x.quietRuns().size());
        text(md, "**quiet: access blocks computed by the timer**", off, on, x -> "**" + x.computedInQuiet() + "**");
        text(
                md,
                "quiet: access blocks the timer found stored",
                off,
                on,
                x -> Integer.toString(x.alreadyStoredInQuiet()));
        text(
                md,
                "peak start: store size (added during the mode)",
                off,
                on,
                x -> x.storeAtPeak() + " (" + signed(x.storeAtPeak() - x.storeAtStart()) + ")");
        text(md, "peak start: active users waiting", off, on, x -> Long.toString(x.waitingAtPeak()));
        text(
                md,
                "peak start: displayed lists (mean length, empty)",
                off,
                on,
                x -> x.result().listsFetched() + " (" + fmt1(x.result().meanListLength()) + ", "
                        + x.result().emptyLists() + ")");
        text(
                md,
                "client CPU during the peak (cores busy)",
                off,
                on,
                x -> String.format(
                        Locale.ROOT,
                        "%.2f",
                        x.result().clientCpuSecondsAtPeak() / x.result().peakSeconds()));
        text(
                md,
                "machine load average (1 min), peak start → end",
                off,
                on,
                x -> String.format(
                        Locale.ROOT,
                        "%.1f → %.1f",
                        x.result().loadAverageAtPeakStart(),
                        x.result().loadAverageAtPeakEnd()));
        md.append('\n');
        appendBound(md, o, off, on, missesOnly, hitsOnly);
        appendPositions(md, o, on);
        if (o.primeTime) {
            md.append("Peak (prime time): each mode's quiet phase and list fetch in turn, then the two bursts back to")
                    .append(" back (precompute disabled for both: the on copy keeps what the timer stored), ")
                    .append(o.clients)
                    .append(" clients serving each subscriber's 1 to 3 picks, all first picks first; licenses/s over")
                    .append(" the burst, first request to last answer; each request")
                    .append(" a subscriber's next pick");
        } else {
            md.append("Peak: ")
                    .append(o.clients)
                    .append(" clients in a closed loop for ")
                    .append(o.peakSeconds)
                    .append(" s; subscribers come in rounds (each once per round, in a seeded random order: the same")
                    .append(" sequence in both modes), each request a subscriber's next pick");
        }
        md.append(" (SyntheticPopulation.nextPick: from the")
                .append(" list displayed at the peak's start with probability ")
                .append(Options.fmt(o.p))
                .append(", else by their tastes), ")
                .append(o.repeatPicks ? "repeats allowed" : "never a content the subscriber already picked in the mode")
                .append(". Licenses/s counts 2xx responses completed within the peak; hit ratio = `Splitcast-Access:")
                .append(" precomputed` ÷ all 2xx; latencies are client-side, every peak request. Quiet: Poisson")
                .append(" arrivals, each request fetches the subscriber's list first. Timer figures from")
                .append(" `GET /api/precompute/runs` (runs started in the phase), store and waiting users from")
                .append(" `GET /api/precompute/status`.\n");
        if (!warnings.isEmpty()) {
            md.append("\n**Warnings**\n\n");
            for (String w : warnings) {
                md.append("- ").append(w).append('\n');
            }
        }
        for (Figures x : List.of(off, on)) {
            if (!x.result().firstErrors().isEmpty()) {
                md.append("\nFirst non-2xx responses, ")
                        .append(x.result().mode().label())
                        .append(":\n\n");
                for (String e : x.result().firstErrors()) {
                    md.append("- `").append(e.replace('`', '\'')).append("`\n");
                }
            }
        }
        return md.toString();
    }

    private static void row(
            StringBuilder md,
            String name,
            Figures off,
            Figures on,
            ToDoubleFunction<Figures> value,
            Function<Double, String> format,
            boolean ratio,
            boolean bold) {
        double a = value.applyAsDouble(off);
        double b = value.applyAsDouble(on);
        String r = "";
        if (ratio && a > 0 && !Double.isNaN(b)) {
            r = String.format(Locale.ROOT, "%.2f", b / a);
        } else if (!ratio && !Double.isNaN(a) && !Double.isNaN(b)) {
            r = String.format(Locale.ROOT, "%+.1f points", 100 * (b - a));
        }
        String open = bold ? "**" : "";
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(open)
                .append(format.apply(a))
                .append(open)
                .append(" | ")
                .append(open)
                .append(format.apply(b))
                .append(open)
                .append(" | ")
                .append(r.isEmpty() ? "" : open + r + open)
                .append(" |\n");
    }

    private static void text(StringBuilder md, String name, Figures off, Figures on, Function<Figures, String> value) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(value.apply(off))
                .append(" | ")
                .append(value.apply(on))
                .append(" | |\n");
    }

    /** One line per mode and second. */
    static String csv(Map<Mode, Figures> f) {
        StringBuilder csv = new StringBuilder("mode,second,phase,licenses,hits,misses,errors,hit_ratio,mean_latency_ms,"
                + "workload,trend,gate_open,enabled,store_size,active_users_waiting\n");
        for (Figures x : f.values()) {
            for (Second s : x.seconds()) {
                Status st = s.status();
                csv.append(x.result().mode().key())
                        .append(',')
                        .append(s.second())
                        .append(',')
                        .append(s.phase().key())
                        .append(',')
                        .append(s.licenses())
                        .append(',')
                        .append(s.hits())
                        .append(',')
                        .append(s.misses())
                        .append(',')
                        .append(s.errors())
                        .append(',')
                        .append(num(s.hitRatio(), "%.4f"))
                        .append(',')
                        .append(num(s.meanLatencyMs(), "%.2f"))
                        .append(',');
                if (st == null) {
                    csv.append(",,,,,\n");
                } else {
                    csv.append(num(st.workload(), "%.3f"))
                            .append(',')
                            .append(num(st.trend(), "%.3f"))
                            .append(',')
                            .append(st.gateOpen())
                            .append(',')
                            .append(st.enabled())
                            .append(',')
                            .append(st.storeSize())
                            .append(',')
                            .append(st.activeUsersWaiting())
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** The timer's runs during each mode, seconds relative to the peak's start. */
    static String runsCsv(Map<Mode, Figures> f) {
        StringBuilder csv = new StringBuilder(
                "mode,started_at,second,duration_ms,outcome,reason,workload,threshold,budget,users,computed,already_stored\n");
        for (Figures x : f.values()) {
            for (PrecomputeRun r : x.result().runs()) {
                csv.append(x.result().mode().key())
                        .append(',')
                        .append(r.startedAt())
                        .append(',')
                        .append(String.format(
                                Locale.ROOT, "%.1f", seconds(x.result().peakStart(), r.startedAt())))
                        .append(',')
                        .append(r.durationMillis())
                        .append(',')
                        .append(r.outcome())
                        .append(",\"")
                        .append(r.reason().replace("\"", "'"))
                        .append("\",")
                        .append(num(r.workload(), "%.3f"))
                        .append(',')
                        .append(num(r.threshold(), "%.3f"))
                        .append(',')
                        .append(r.budget())
                        .append(',')
                        .append(r.users())
                        .append(',')
                        .append(r.computed())
                        .append(',')
                        .append(r.alreadyStored())
                        .append('\n');
            }
        }
        return csv.toString();
    }

    /** The plot: licenses/s, hit ratio, workload and S1 (gate and timer work as bands), store, waiting users. */
    static String svg(Options o, double s1, Map<Mode, Figures> f) {
        double xMin = 0;
        double xMax = o.peakSeconds;
        for (Figures x : f.values()) {
            xMin = Math.min(xMin, x.seconds().get(0).second());
            xMax = Math.max(xMax, x.seconds().get(x.seconds().size() - 1).second() + 1);
        }
        List<SvgPlot.Line> rate = new ArrayList<>();
        List<SvgPlot.Line> ratio = new ArrayList<>();
        List<SvgPlot.Line> workload = new ArrayList<>();
        List<SvgPlot.Line> store = new ArrayList<>();
        List<SvgPlot.Line> waiting = new ArrayList<>();
        List<SvgPlot.Band> bands = new ArrayList<>();
        for (Figures x : f.values()) {
            Mode mode = x.result().mode();
            String color = mode == Mode.ON ? ON_COLOR : OFF_COLOR;
            String key = mode.key();
            int n = x.seconds().size();
            double[] xs = new double[n];
            double[] licenses = new double[n];
            double[] hits = new double[n];
            for (int i = 0; i < n; i++) {
                Second s = x.seconds().get(i);
                xs[i] = s.second() + 0.5;
                licenses[i] = s.licenses();
                hits[i] = s.hitRatio();
            }
            rate.add(new SvgPlot.Line(key, mode.label(), color, false, xs, licenses));
            ratio.add(new SvgPlot.Line(key, mode.label(), color, false, xs, hits));

            List<Status> statuses = x.result().series().statuses();
            int m = statuses.size();
            double[] sx = new double[m];
            double[] load = new double[m];
            double[] added = new double[m];
            double[] users = new double[m];
            List<double[]> gate = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                Status s = statuses.get(i);
                sx[i] = (s.atNanos() - x.result().peakStartNanos()) / 1e9;
                load[i] = s.workload();
                added[i] = s.storeSize() - x.storeAtStart();
                users[i] = s.activeUsersWaiting();
                if (s.enabled() && s.gateOpen() && i + 1 < m) {
                    double end = (statuses.get(i + 1).atNanos() - x.result().peakStartNanos()) / 1e9;
                    gate.add(new double[] {sx[i], end});
                }
            }
            workload.add(new SvgPlot.Line(key, mode.label(), color, false, sx, load));
            store.add(new SvgPlot.Line(key, mode.label(), color, false, sx, added));
            waiting.add(new SvgPlot.Line(key, mode.label(), color, false, sx, users));
            if (mode == Mode.ON) {
                bands.add(new SvgPlot.Band("gate-" + key, "gate open (on)", "#2ca02c", gate));
                List<double[]> working = new ArrayList<>();
                for (PrecomputeRun r : x.result().runs()) {
                    if (r.computed() > 0) {
                        double from = seconds(x.result().peakStart(), r.startedAt());
                        working.add(new double[] {from, from + Math.max(0.3, r.durationMillis() / 1000.0)});
                    }
                }
                bands.add(new SvgPlot.Band("timer-" + key, "timer computing (on)", "#9467bd", working));
            }
        }
        workload.add(new SvgPlot.Line(
                "s1", "S1 (on) = " + fmt1(s1), "#555", true, new double[] {xMin, xMax}, new double[] {s1, s1}));
        List<SvgPlot.Panel> panels = List.of(
                new SvgPlot.Panel("Licenses per second (2xx)", rate, List.of(), 0, Double.NaN),
                new SvgPlot.Panel("Hit ratio per second (Splitcast-Access: precomputed ÷ all)", ratio, List.of(), 0, 1),
                new SvgPlot.Panel(
                        "Server workload: license requests/s over the last " + o.interval.toSeconds() + " s",
                        workload,
                        bands,
                        0,
                        Double.NaN),
                new SvgPlot.Panel(
                        "Precomputed store: access blocks added since the mode began", store, List.of(), 0, Double.NaN),
                new SvgPlot.Panel("Active users waiting for the precompute step", waiting, List.of(), 0, Double.NaN));
        String subtitle = o.subscribers + " subscribers x " + o.contents + " contents, quiet " + o.quietSeconds
                + " s at " + Options.fmt(o.quietRate) + "/s, peak " + o.peakSeconds + " s x " + o.clients
                + " clients, p " + Options.fmt(o.p) + ", " + o.policy + " K " + o.k + ", S1 " + fmt1(s1)
                + ", seed " + o.seed + ", run " + o.runId;
        return SvgPlot.render(
                "Peak simulation: precompute off vs on",
                subtitle,
                "seconds from the start of the peak (before 0: quiet phase, then the displayed lists are fetched)",
                xMin,
                xMax,
                panels,
                List.of(new SvgPlot.Marker(0, "peak")));
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    static String fmt1(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String signed(long v) {
        return (v >= 0 ? "+" : "") + v;
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    /**
     * Issue 12: the measured hit ratio h of the on mode's peak, the cost ratio c = hit cost / miss
     * cost (licenses/s of misses alone over licenses/s of hits alone, measured back to back after
     * both modes), the gain on ÷ off, and its bound 1 / ((1 − h) + h·c).
     */
    static void appendBound(
            StringBuilder md,
            Options o,
            Figures off,
            Figures on,
            ModeRun.Calibration misses,
            ModeRun.Calibration hits) {
        double h = on.peak().hitRatio();
        double gain = on.peak().licensesPerSecond() / off.peak().licensesPerSecond();
        double missRate = misses.perSecond();
        double hitRate = hits.perSecond();
        md.append(
                "| p | h (on, peak) | h ÷ p | c = hit cost ÷ miss cost | gain on ÷ off | bound 1/((1−h)+h·c) | gain ÷ bound |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        if (Double.isNaN(hitRate) || hitRate <= 0 || Double.isNaN(missRate) || missRate <= 0) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.2f | n/a | %.2f | n/a | n/a |\n\n",
                    Options.fmt(o.p),
                    h,
                    h / o.p,
                    gain));
            return;
        }
        double c = missRate / hitRate;
        double bound = bound(h, c);
        md.append(String.format(
                Locale.ROOT,
                "| %s | %.3f | %.2f | %.3f (misses alone %.1f/s, hits alone %.1f/s) | %.2f | %.2f | %.2f |\n\n",
                Options.fmt(o.p),
                h,
                h / o.p,
                c,
                missRate,
                hitRate,
                gain,
                bound,
                gain / bound));
        md.append(String.format(
                Locale.ROOT,
                "c from %d misses in %.1f s and %d hits in %.1f s, %d clients each, right after the on mode; the"
                        + " off mode's peak (all misses) ran at %.1f/s, %.2f x the misses alone.\n\n",
                misses.wanted(),
                misses.seconds(),
                hits.wanted(),
                hits.seconds(),
                o.clients,
                off.peak().licensesPerSecond(),
                off.peak().licensesPerSecond() / missRate));
    }

    /** 1 / ((1 − h) + h·c): the most a hit ratio h can gain when a hit costs c misses. */
    static double bound(double h, double c) {
        return 1 / ((1 - h) + h * c);
    }

    /** The on mode's peak picks by their place in the displayed list: which places were precomputed. */
    static void appendPositions(StringBuilder md, Options o, Figures on) {
        int[] picks = on.result().positionPicks();
        int[] hits = on.result().positionHits();
        if (picks == null || picks.length == 0) {
            return;
        }
        md.append("Precompute on, the peak's picks by their place in the list displayed at the peak's start"
                + " (0: not on it, a pick by taste):\n\n| place |");
        for (int k = 1; k < picks.length; k++) {
            md.append(' ').append(k).append(" |");
        }
        md.append(" 0 | all |\n|---|");
        md.append("---:|".repeat(picks.length + 1)).append('\n');
        int allPicks = 0;
        int allHits = 0;
        StringBuilder picksRow = new StringBuilder("| picks |");
        StringBuilder hitsRow = new StringBuilder("| hits |");
        for (int i = 1; i <= picks.length; i++) {
            int k = i % picks.length;
            picksRow.append(' ').append(picks[k]).append(" |");
            hitsRow.append(' ').append(hits[k]).append(" |");
            allPicks += picks[k];
            allHits += hits[k];
        }
        md.append(picksRow).append(' ').append(allPicks).append(" |\n");
        md.append(hitsRow).append(' ').append(allHits).append(" |\n\n");
    }

    static String fmt2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}

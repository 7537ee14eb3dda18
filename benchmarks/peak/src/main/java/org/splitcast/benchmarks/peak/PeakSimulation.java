package org.splitcast.benchmarks.peak;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.splitcast.benchmarks.peak.Options.Mode;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/**
 * The peak simulation of issue 4, against one running server: does precomputing the predicted
 * contents' access blocks while the load is low (under S1) let the server issue more licenses per
 * second at a peak where users pick from their recommendation lists?
 *
 * <ol>
 *   <li>Two identical copies of a {@link SyntheticPopulation} (same seed, ids prefixed {@code
 *       <run-id>-off-} and {@code <run-id>-on-}) through the REST API: contents, packages,
 *       subscribers with demographics, one AES_256 terminal each, entitlements; each
 *       subscriber's history replayed as license requests (after a warm-up on a throwaway copy);
 *       the recommendation model rebuilt. Precompute is disabled meanwhile, so both copies start
 *       from the same state.
 *   <li>Per mode ({@link ModeRun}): precompute settings (off: disabled; on: enabled, S1 between
 *       the quiet load and the peak), a quiet phase, the displayed lists, the peak.
 *   <li>The table, the per-second CSV, the timer's runs and the plot ({@link Report}); the server's
 *       precompute settings as they were, and this run's subscribers off the active list.
 * </ol>
 *
 * <p>{@code java -jar benchmarks/peak/target/peak.jar --help} lists the options; exit code 2 for
 * bad options, 1 if the run failed.
 */
public final class PeakSimulation {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The sweep of the timer stays this far behind the clock (PrecomputeRun.SWEEP_LAG), plus a margin. */
    private static final long SWEEP_LAG_MILLIS = 6_000;

    private final Options o;
    private final SplitcastApi api;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> setupNotes = new ArrayList<>();
    private final AtomicBoolean restored = new AtomicBoolean();
    private JsonObject initialSettings;
    private final Map<Mode, PopulationCopy> copies = new EnumMap<>(Mode.class);
    /** The warm-up's throwaway copy (null without a warm-up). */
    private PopulationCopy warm;

    /** When this run's last license request ended, as far as known; null while requests may be under way. */
    private volatile Long lastLoadNanos = System.nanoTime();

    private PeakSimulation(Options options) {
        this.o = options;
        this.api = new SplitcastApi(options.url, options.operator, options.integrator, options.clients + 8);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.OptionsException e) {
            System.err.println("peak: " + e.getMessage());
            System.err.println("peak: --help lists the options");
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(Options.usage());
            return;
        }
        int code;
        PeakSimulation simulation = new PeakSimulation(options);
        try {
            simulation.run();
            code = 0;
        } catch (ModeRun.FatalRefusal | SplitcastApi.ApiException | IllegalStateException e) {
            log("FAILED: " + e.getMessage());
            code = 1;
        } catch (InterruptedException e) {
            log("interrupted");
            code = 1;
        } catch (IOException | RuntimeException e) {
            log("FAILED: " + e);
            e.printStackTrace();
            code = 1;
        } finally {
            simulation.api.close();
        }
        System.exit(code);
    }

    private void run() throws InterruptedException, IOException {
        log("server " + o.url + ", run id " + o.runId + ", out " + o.out.toAbsolutePath());
        try {
            initialSettings = api.settings();
        } catch (SplitcastApi.ApiException e) {
            throw new IllegalStateException("cannot read the precompute settings at " + o.url
                    + " (is the server up? are the operator's credentials right?): " + e.getMessage());
        }
        Thread restorer = new Thread(this::restore, "peak-restore");
        Runtime.getRuntime().addShutdownHook(restorer);
        try {
            simulate();
        } finally {
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restorer);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }

    private void simulate() throws InterruptedException, IOException {
        // 1. the population, twice
        long t0 = System.nanoTime();
        SyntheticPopulation population = SyntheticPopulation.generate(o.populationConfig());
        int views = 0;
        for (String id : population.subscriberIds()) {
            views += population.history(id).size();
        }
        log(String.format(
                Locale.ROOT,
                "population: %d subscribers, %d contents, %d clusters, %d views to replay per copy",
                population.subscriberCount(),
                population.contentCount(),
                o.clusters,
                views));
        for (Mode mode : o.order) {
            copies.put(mode, new PopulationCopy(mode, o.runId, population));
        }
        api.putSettings(settings(false, o.s1.orElse(100)));
        log("precompute disabled while the population is created");
        for (Mode mode : o.order) {
            log("creating copy " + copies.get(mode).prefix + "…");
            copies.get(mode).create(api, o.setupParallelism, PeakSimulation::log);
        }
        if (o.warmupSeconds > 0) {
            // its own subscribers and contents: its views reach neither copy's recommendations
            warm = new PopulationCopy(
                    "warm",
                    o.runId,
                    SyntheticPopulation.generate(SyntheticPopulation.Config.of(o.clients, o.contents, o.seed + 1)
                            .withClusters(Math.min(o.clusters, o.contents))
                            .withMeanViews(2)
                            .withFullAccessShare(1.0)));
            log("creating the warm-up copy " + warm.prefix + "…");
            warm.create(api, o.setupParallelism, PeakSimulation::log);
        }
        // an entitlement counts from its creation instant, a license from the current whole second
        TimeUnit.MILLISECONDS.sleep(1500);
        if (warm != null) {
            log("warm-up: " + o.warmupSeconds + " s, " + o.clients + " clients on " + warm.prefix + "…");
            PopulationCopy.Replay w = warm.warmUp(api, o.clients, o.warmupSeconds);
            String line = String.format(
                    Locale.ROOT,
                    "Warm-up on %s: %d licenses in %.0f s (%.1f/s, %d computed, %d precomputed, %d non-2xx).",
                    warm.prefix,
                    w.requests(),
                    w.seconds(),
                    w.rate(),
                    w.misses(),
                    w.hits(),
                    w.errors());
            log("  " + line);
            setupNotes.add(line);
            if (w.errors() > 0) {
                warnings.add("warm-up: " + w.errors() + " licenses refused, e.g. " + w.firstErrors());
            }
        }
        PopulationCopy.Replay last = null;
        for (Mode mode : o.order) {
            log("replaying the history of " + copies.get(mode).prefix + " (" + o.clients + " clients)…");
            PopulationCopy.Replay replay = copies.get(mode).replayHistory(api, o.clients, PeakSimulation::log);
            lastLoadNanos = System.nanoTime();
            log(String.format(
                    Locale.ROOT,
                    "  %d licenses in %.1f s: %.1f/s, %d computed, %d precomputed, %d non-2xx",
                    replay.requests(),
                    replay.seconds(),
                    replay.rate(),
                    replay.misses(),
                    replay.hits(),
                    replay.errors()));
            setupNotes.add(String.format(
                    Locale.ROOT,
                    "History replay of %s: %d licenses in %.0f s (%.1f/s, %d computed, %d precomputed, %d non-2xx).",
                    copies.get(mode).prefix,
                    replay.requests(),
                    replay.seconds(),
                    replay.rate(),
                    replay.misses(),
                    replay.hits(),
                    replay.errors()));
            if (replay.errors() > 0) {
                warnings.add(mode.label() + " copy: " + replay.errors() + " history licenses refused, e.g. "
                        + replay.firstErrors());
            }
            last = replay;
        }
        JsonObject model = api.rebuildModel();
        log("recommendation model rebuilt: " + model);
        log(String.format(Locale.ROOT, "setup took %.0f s", (System.nanoTime() - t0) / 1e9));

        double s1;
        String s1Source;
        if (o.s1.isPresent()) {
            s1 = o.s1.getAsDouble();
            s1Source = "--s1";
        } else {
            double auto = Math.floor(o.s1Share * last.rate() * 10) / 10;
            s1 = Math.max(auto, 3 * o.quietRate);
            s1Source = String.format(
                    Locale.ROOT,
                    "auto: %s x the last history replay's %.1f licenses/s, all misses",
                    Options.fmt(o.s1Share),
                    last.rate());
            if (s1 > auto) {
                s1Source += ", raised to 3 x the quiet rate";
                warnings.add("S1 from the replay (" + auto + ") was too close to the quiet rate: set to " + s1);
            }
        }
        log("S1 = " + Options.fmt(s1) + " license requests/s (" + s1Source + ")");

        // 2. the modes
        Map<Mode, ModeRun.Result> results = new EnumMap<>(Mode.class);
        Map<Mode, ModeRun> modeRuns = new EnumMap<>(Mode.class);
        if (o.primeTime) {
            // each mode's quiet phase and lists in turn, then the two bursts back to back, the timer
            // off for both (the on copy keeps what it precomputed): the same minute, the same load
            for (Mode mode : o.order) {
                log(mode.label() + " on " + copies.get(mode).prefix);
                prepare(mode, s1);
                lastLoadNanos = null;
                ModeRun modeRun = new ModeRun(o, api, copies.get(mode), PeakSimulation::log);
                modeRuns.put(mode, modeRun);
                modeRun.beforePeak();
                lastLoadNanos = System.nanoTime();
            }
            api.putSettings(settings(false, s1));
            log("precompute disabled for the bursts; the bursts, " + o.order + ", back to back");
            lastLoadNanos = null;
            for (Mode mode : o.order) {
                results.put(mode, modeRuns.get(mode).peakAndResult());
                logMode(results.get(mode));
            }
            lastLoadNanos = System.nanoTime();
        } else {
            for (Mode mode : o.order) {
                log(mode.label() + " on " + copies.get(mode).prefix);
                prepare(mode, s1);
                lastLoadNanos = null;
                ModeRun modeRun = new ModeRun(o, api, copies.get(mode), PeakSimulation::log);
                modeRuns.put(mode, modeRun);
                ModeRun.Result result = modeRun.run();
                lastLoadNanos = System.nanoTime();
                results.put(mode, result);
                logMode(result);
            }
        }

        // the cost ratio c from misses alone and hits alone, back to back (the same minute, the same
        // load): misses are new picks of the off copy (off the active list), hits the on peak's hits
        lastLoadNanos = null;
        log("cost ratio c: misses only, then hits only, " + o.hitCalibrationSeconds + " s each");
        ModeRun.Calibration missesOnly = modeRuns.get(Mode.OFF).missesOnly();
        ModeRun.Calibration hitsOnly = modeRuns.get(Mode.ON).hitsOnly();
        lastLoadNanos = System.nanoTime();

        // 3. the outputs
        Map<Mode, Report.Figures> figures = new LinkedHashMap<>();
        for (Mode mode : List.of(Mode.OFF, Mode.ON)) {
            figures.put(mode, Report.Figures.of(results.get(mode), o.peakSeconds));
        }
        check(figures, s1);
        if (missesOnly.other() > 0) {
            warnings.add("misses only: " + missesOnly.other() + " of the new picks were hits (not counted)");
        }
        if (hitsOnly.other() > 0) {
            warnings.add("hits only: " + hitsOnly.other() + " of the peak's hit pairs were misses (not counted)");
        }
        String table = Report.markdown(o, s1, s1Source, setupNotes, figures, warnings, missesOnly, hitsOnly);
        Files.createDirectories(o.out);
        Path md = o.out.resolve("peak-results.md");
        Path csv = o.out.resolve("peak-series.csv");
        Path runs = o.out.resolve("peak-runs.csv");
        Path svg = o.out.resolve("peak.svg");
        Files.writeString(md, table, StandardCharsets.UTF_8);
        Files.writeString(csv, Report.csv(figures), StandardCharsets.UTF_8);
        Files.writeString(runs, Report.runsCsv(figures), StandardCharsets.UTF_8);
        Files.writeString(svg, Report.svg(o, s1, figures), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        log("written: " + md + ", " + csv + ", " + runs + ", " + svg);
    }

    private void logMode(ModeRun.Result result) {
        Report.Figures f = Report.Figures.of(result, o.peakSeconds);
        log(String.format(
                Locale.ROOT,
                "  %s: peak %.1f licenses/s, hit ratio %s, p50 %.1f ms, p99 %.1f ms, %d non-2xx;"
                        + " quiet: %d blocks precomputed in %d runs",
                result.mode().label(),
                f.peak().licensesPerSecond(),
                Report.percent(f.peak().hitRatio()),
                f.peak().p50Ms(),
                f.peak().p99Ms(),
                f.peak().errors(),
                f.computedInQuiet(),
                f.quietRuns().size()));
    }

    /**
     * Before a mode: the load of the previous step is out of the timer's sweep; then for ON, one
     * timer run with S1 = 0 (the gate stays closed) so that its sweep puts every subscriber with a
     * license so far on the active list, the other copy taken off that list, and the settings of
     * the mode.
     */
    private void prepare(Mode mode, double s1) throws InterruptedException {
        long idle = SWEEP_LAG_MILLIS - (System.nanoTime() - lastLoadNanos) / 1_000_000;
        if (idle > 0) {
            TimeUnit.MILLISECONDS.sleep(idle);
        }
        if (mode == Mode.ON) {
            if (!catchUpSweep()) {
                warnings.add("no precompute run was seen within " + (3 * o.period.toSeconds() + 15)
                        + " s of enabling it with S1 = 0: the other copy may come back on the active list");
            }
            List<String> others = new ArrayList<>();
            for (PopulationCopy other : copies.values()) {
                if (other.mode != mode) {
                    others.addAll(other.subscriberIds());
                }
            }
            if (warm != null) {
                others.addAll(warm.subscriberIds());
            }
            JsonObject report = api.removeFromActiveList(others);
            log("  the other copies off the active list: " + report);
            JsonObject status = api.status();
            long waiting = status.getJsonNumber("activeUsersWaiting").longValue();
            int mine = copies.get(mode).population.subscriberCount();
            if (waiting > mine) {
                warnings.add((waiting - mine) + " subscribers outside this copy wait on the server's active list"
                        + " when precompute goes on: the timer spends part of its budget on them");
            }
        }
        api.putSettings(settings(mode == Mode.ON, s1));
        log("  settings: " + (mode == Mode.ON ? "enabled, S1 " + Options.fmt(s1) : "disabled"));
    }

    /**
     * Precompute enabled with S1 = 0 (the gate stays closed: nothing is computed) until the timer
     * has run once: its sweep has then put every subscriber issued a license until a few seconds
     * ago on the active list, and no later sweep will bring them back once taken off. The caller
     * waited {@link #SWEEP_LAG_MILLIS} after its last license request.
     */
    private boolean catchUpSweep() throws InterruptedException {
        Instant put = Instant.now();
        api.putSettings(settings(true, 0));
        return awaitRunAfter(put);
    }

    /** Waits until the timer records a run started at or after {@code instant}. */
    private boolean awaitRunAfter(Instant instant) throws InterruptedException {
        long deadline = System.nanoTime() + (3 * o.period.toSeconds() + 15) * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonArray runs = api.runs(1);
            if (!runs.isEmpty()) {
                Instant started = Instant.parse(runs.getJsonObject(0).getString("startedAt"));
                if (!started.isBefore(instant.truncatedTo(ChronoUnit.MILLIS))) {
                    return true;
                }
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return false;
    }

    private void check(Map<Mode, Report.Figures> f, double s1) {
        Report.Figures off = f.get(Mode.OFF);
        Report.Figures on = f.get(Mode.ON);
        for (Report.Figures x : f.values()) {
            // a prime-time burst is over within a second or two: the meter's samples miss it
            if (!o.primeTime && x.maxPeakWorkload() < 1.1 * s1) {
                warnings.add(x.result().mode().label() + ": the peak's workload (max "
                        + Report.fmt1(x.maxPeakWorkload()) + "/s) did not clearly exceed S1 = " + Options.fmt(s1));
            }
            if (x.peak().errors() > 0) {
                warnings.add(x.result().mode().label() + ": " + x.peak().errors() + " non-2xx at the peak");
            }
            if (x.result().emptyLists() > 0) {
                warnings.add(x.result().mode().label() + ": " + x.result().emptyLists()
                        + " subscribers had an empty displayed list");
            }
            if (x.result().foreignListed() > 0) {
                warnings.add(x.result().mode().label() + ": " + x.result().foreignListed()
                        + " displayed items were not contents of the subscriber's copy");
            }
        }
        // in the peak's first interval the meter still averages over the quiet phase: the gate may be open
        int late = on.computedInPeak(o.interval.toSeconds())[1];
        if (late > 0) {
            warnings.add("precompute on: the timer computed " + late + " access blocks more than "
                    + o.interval.toSeconds() + " s into the peak (the gate should be closed over S1)");
        }
        if (on.computedInQuiet() == 0) {
            warnings.add("precompute on: the timer computed no access block in the quiet phase");
        }
        if (off.quietRuns().stream().anyMatch(r -> r.computed() > 0)) {
            warnings.add("precompute off: the timer computed access blocks although it was disabled");
        }
    }

    private JsonObject settings(boolean enabled, double threshold) {
        return Json.createObjectBuilder()
                .add("enabled", enabled)
                .add("threshold", threshold)
                .add("interval", o.interval.toString())
                .add("trendIntervals", o.trendIntervals)
                .add("period", o.period.toString())
                .add("policy", o.policy)
                .add("k", o.k)
                .add("listSize", o.listSize)
                .add("maxItemsPerRun", o.maxItemsPerRun)
                .add("itemCost", o.itemCost)
                .build();
    }

    /**
     * Leaves the server as it was: the timer's sweep caught up with this run's licenses and this
     * run's subscribers taken off the active list (so that the timer spends nothing on them
     * later), then the precompute settings back to the configuration's defaults ({@code DELETE}),
     * or to what they were before the run if that was something else. Once, from the end of the
     * run or from the shutdown hook.
     */
    private void restore() {
        if (!restored.compareAndSet(false, true) || initialSettings == null) {
            return;
        }
        try {
            List<String> ids = new ArrayList<>();
            for (PopulationCopy copy : copies.values()) {
                ids.addAll(copy.subscriberIds());
            }
            if (warm != null) {
                ids.addAll(warm.subscriberIds());
            }
            if (!ids.isEmpty()) {
                Long last = lastLoadNanos;
                long idle = last == null ? SWEEP_LAG_MILLIS : SWEEP_LAG_MILLIS - (System.nanoTime() - last) / 1_000_000;
                if (idle > 0) {
                    TimeUnit.MILLISECONDS.sleep(idle);
                }
                if (!catchUpSweep()) {
                    log("WARNING: no precompute run seen: the timer's next sweep may put this run's subscribers"
                            + " back on the active list");
                }
                api.removeFromActiveList(ids);
                log("this run's subscribers taken off the active list");
            }
        } catch (RuntimeException e) {
            log("WARNING: could not take this run's subscribers off the active list: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log("WARNING: interrupted before this run's subscribers were taken off the active list");
        }
        try {
            JsonObject reset = api.resetSettings();
            if (!reset.equals(initialSettings)) {
                api.putSettings(initialSettings);
                log("precompute settings restored to " + initialSettings);
            } else {
                log("precompute settings reset to the defaults");
            }
        } catch (RuntimeException e) {
            log("WARNING: could not restore the precompute settings (DELETE /api/precompute/settings by hand): " + e);
        }
    }

    static void log(String message) {
        System.err.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }
}

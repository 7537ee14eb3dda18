package org.splitcast.benchmarks.peak;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.splitcast.benchmarks.peak.Series.Phase;

/**
 * One mode (precompute off or on) on its copy of the population: the quiet phase (an open-loop
 * trickle of license requests, each by a random subscriber picking from their current list), the
 * fetch of every subscriber's displayed list, then the peak (C clients in a closed loop, each
 * request a random subscriber's next pick from the list displayed to them). The status of the
 * precompute is sampled all along. The same seeds in both modes: the same subscribers pick in the
 * same order, from lists that are the same as far as the server's state is.
 */
final class ModeRun {

    /** A record of the precompute timer ({@code GET /api/precompute/runs}). */
    record PrecomputeRun(
            Instant startedAt,
            long durationMillis,
            String outcome,
            String reason,
            double workload,
            double threshold,
            int budget,
            int users,
            int computed,
            int alreadyStored) {

        static PrecomputeRun of(JsonObject run) {
            return new PrecomputeRun(
                    Instant.parse(run.getString("startedAt")),
                    (long) number(run, "durationMillis"),
                    run.getString("outcome", ""),
                    run.getString("reason", ""),
                    number(run, "workload"),
                    number(run, "threshold"),
                    (int) number(run, "budget"),
                    (int) number(run, "users"),
                    (int) number(run, "computed"),
                    (int) number(run, "alreadyStored"));
        }
    }

    /** What a mode did. Nanosecond instants are {@link System#nanoTime}; wall instants for the runs. */
    record Result(
            Options.Mode mode,
            PopulationCopy copy,
            Series series,
            long quietStartNanos,
            long listsStartNanos,
            long peakStartNanos,
            long peakEndNanos,
            Instant quietStart,
            Instant peakStart,
            Instant peakEnd,
            JsonObject statusAtStart,
            JsonObject statusAtPeak,
            JsonObject statusAtEnd,
            List<PrecomputeRun> runs,
            int listsFetched,
            int emptyLists,
            double meanListLength,
            int foreignListed,
            List<String> firstErrors,
            double loadAverageAtPeakStart,
            double loadAverageAtPeakEnd,
            double clientCpuSecondsAtPeak,
            int[] positionPicks,
            int[] positionHits,
            Instant listsEnd) {

        double peakSeconds() {
            return (peakEndNanos - peakStartNanos) / 1e9;
        }

        List<PrecomputeRun> runsBetween(Instant from, Instant to) {
            return runs.stream()
                    .filter(r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to))
                    .toList();
        }

        /** The timer's runs of the quiet phase (to the end of the list fetch: another mode may follow). */
        List<PrecomputeRun> quietRuns() {
            return runsBetween(quietStart, listsEnd);
        }

        List<PrecomputeRun> peakRuns() {
            return runsBetween(peakStart, peakEnd);
        }
    }

    /** The run stopped: the server refused what it must grant. */
    static final class FatalRefusal extends RuntimeException {
        FatalRefusal(String message) {
            super(message);
        }
    }

    private final Options options;
    private final SplitcastApi api;
    private final PopulationCopy copy;
    private final Consumer<String> log;
    private final Series series = new Series();
    private final Picker picker;
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger foreignListed = new AtomicInteger();
    /** The (terminal, content) pairs that were hits at the peak. */
    private final List<String[]> peakHits = new ArrayList<>();
    /**
     * The peak's picks by their place in the list displayed to the subscriber at the peak's start:
     * index k (1 based) for the k-th item shown, 0 for a content that was not on it (a pick by
     * taste). With the hits among them: which places the precompute covered.
     */
    private final java.util.concurrent.atomic.AtomicIntegerArray positionPicks;

    private final java.util.concurrent.atomic.AtomicIntegerArray positionHits;
    /** Per phase, how many picks each subscriber made in it. */
    private final java.util.Map<Phase, java.util.concurrent.atomic.AtomicIntegerArray> picks =
            new java.util.EnumMap<>(Phase.class);

    ModeRun(Options options, SplitcastApi api, PopulationCopy copy, Consumer<String> log) {
        this.options = options;
        this.api = api;
        this.copy = copy;
        this.log = log;
        this.picker = new Picker(copy, options.p, options.repeatPicks);
        this.positionPicks = new java.util.concurrent.atomic.AtomicIntegerArray(options.displayed + 1);
        this.positionHits = new java.util.concurrent.atomic.AtomicIntegerArray(options.displayed + 1);
        for (Phase phase : Phase.values()) {
            picks.put(phase, new java.util.concurrent.atomic.AtomicIntegerArray(copy.population.subscriberCount()));
        }
    }

    private ScheduledExecutorService sampler;
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private JsonObject statusAtStart;
    private JsonObject statusAtPeak;
    private Instant quietStart;
    private Instant listsEnd;
    private long quietStartNanos;
    private long listsStartNanos;
    private List<List<String>> displayed;
    private int emptyLists;
    private double meanListLength;

    /** The whole mode: {@link #beforePeak} then {@link #peakAndResult}. */
    Result run() throws InterruptedException {
        try {
            beforePeak();
            return peakAndResult();
        } finally {
            stopSampling();
        }
    }

    /** The quiet phase and the fetch of every subscriber's displayed list; the status sampled from now on. */
    void beforePeak() throws InterruptedException {
        startSampling();
        statusAtStart = api.status();
        quietStart = Instant.now();
        quietStartNanos = System.nanoTime();
        log.accept(String.format(
                Locale.ROOT,
                "  quiet: %d s at %s requests/s (store %d, %d active users waiting)",
                options.quietSeconds,
                Options.fmt(options.quietRate),
                statusAtStart.getJsonNumber("storeSize").longValue(),
                statusAtStart.getJsonNumber("activeUsersWaiting").longValue()));
        quiet(quietStartNanos);

        listsStartNanos = System.nanoTime();
        displayed = fetchLists();
        int empty = 0;
        long total = 0;
        for (List<String> list : displayed) {
            total += list.size();
            empty += list.isEmpty() ? 1 : 0;
        }
        emptyLists = empty;
        meanListLength = displayed.isEmpty() ? 0.0 : (double) total / displayed.size();
        statusAtPeak = api.status();
        log.accept(String.format(
                Locale.ROOT,
                "  lists: %d fetched in %.1f s, mean length %.1f, %d empty; store %d, %d active users waiting",
                displayed.size(),
                (System.nanoTime() - listsStartNanos) / 1e9,
                meanListLength,
                empty,
                statusAtPeak.getJsonNumber("storeSize").longValue(),
                statusAtPeak.getJsonNumber("activeUsersWaiting").longValue()));
        listsEnd = Instant.now();
        // not sampled until the peak (the other mode may run its quiet phase meanwhile)
        stopSampling();
    }

    /** The peak on the lists fetched by {@link #beforePeak}, then the mode's figures. */
    Result peakAndResult() throws InterruptedException {
        try {
            startSampling();
            double loadAtPeakStart = loadAverage();
            long cpuAtPeakStart = processCpuNanos();
            Instant peakStart = Instant.now();
            long peakStartNanos = System.nanoTime();
            log.accept((options.primeTime ? "  peak: prime time" : "  peak: " + options.peakSeconds + " s") + " on "
                    + copy.prefix + ", " + options.clients + " clients");
            long peakEndNanos = options.primeTime ? primeTime(displayed) : peak(peakStartNanos, displayed);
            Instant peakEnd = Instant.now();
            double loadAtPeakEnd = loadAverage();
            long cpuAtPeakEnd = processCpuNanos();
            checkFatal();
            JsonObject statusAtEnd = api.status();
            stopSampling();

            List<PrecomputeRun> runs = new ArrayList<>();
            for (JsonValue run : api.runs(1000)) {
                PrecomputeRun r = PrecomputeRun.of(run.asJsonObject());
                if (!r.startedAt().isBefore(quietStart.minusSeconds(1))) {
                    runs.add(r);
                }
            }
            runs.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
            return new Result(
                    copy.mode,
                    copy,
                    series,
                    quietStartNanos,
                    listsStartNanos,
                    peakStartNanos,
                    peakEndNanos,
                    quietStart,
                    peakStart,
                    peakEnd,
                    statusAtStart,
                    statusAtPeak,
                    statusAtEnd,
                    runs,
                    displayed.size(),
                    emptyLists,
                    meanListLength,
                    foreignListed.get(),
                    List.copyOf(firstErrors),
                    loadAtPeakStart,
                    loadAtPeakEnd,
                    cpuAtPeakStart < 0 || cpuAtPeakEnd < 0 ? Double.NaN : (cpuAtPeakEnd - cpuAtPeakStart) / 1e9,
                    toArray(positionPicks),
                    toArray(positionHits),
                    listsEnd);
        } finally {
            stopSampling();
        }
    }

    private void startSampling() {
        stopping.set(false);
        sampler = Executors.newSingleThreadScheduledExecutor(daemon("peak-sampler"));
        AtomicInteger samplerFailures = new AtomicInteger();
        long periodMillis = Math.round(options.sampleSeconds * 1000);
        sampler.scheduleAtFixedRate(
                () -> {
                    try {
                        series.add(status(api.status(), System.nanoTime()));
                    } catch (RuntimeException e) {
                        if (!stopping.get() && samplerFailures.getAndIncrement() == 0) {
                            log.accept("  status sample failed (further failures not shown): " + e.getMessage());
                        }
                    }
                },
                0,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }

    private void stopSampling() {
        stopping.set(true);
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    /** Open loop: Poisson arrivals at the quiet rate, each a request of its own, whatever the others do. */
    private void quiet(long startNanos) throws InterruptedException {
        SplittableRandom arrivals = new SplittableRandom(options.seed * 31 + 7);
        ExecutorService senders =
                Executors.newFixedThreadPool(Math.max(4, (int) Math.ceil(options.quietRate * 2)), daemon("peak-quiet"));
        long end = startNanos + options.quietSeconds * 1_000_000_000L;
        long next = startNanos;
        int n = copy.population.subscriberCount();
        try {
            while (true) {
                next += (long) (-Math.log(1 - arrivals.nextDouble()) / options.quietRate * 1e9);
                if (next >= end) {
                    break;
                }
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                checkFatal();
                int u = arrivals.nextInt(n);
                SplittableRandom pickRandom = arrivals.split();
                senders.execute(() -> guarded(() -> {
                    List<String> list = api.recommendations(copy.subscriber(u), options.displayed);
                    request(u, list, pickRandom, Phase.QUIET);
                }));
            }
            long left = end - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } finally {
            senders.shutdown();
            if (!senders.awaitTermination(120, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        }
        checkFatal();
    }

    /** Every subscriber's displayed list, as the peak's pickers will see it. */
    private List<List<String>> fetchLists() throws InterruptedException {
        int n = copy.population.subscriberCount();
        List<List<String>> lists = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            lists.add(List.of());
        }
        ExecutorService fetchers = Executors.newFixedThreadPool(options.setupParallelism, daemon("peak-lists"));
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < options.setupParallelism; w++) {
            fetchers.execute(() -> guarded(() -> {
                int u;
                while (fatal.get() == null && (u = next.getAndIncrement()) < n) {
                    List<String> list = api.recommendations(copy.subscriber(u), options.displayed);
                    synchronized (lists) {
                        lists.set(u, list);
                    }
                }
            }));
        }
        fetchers.shutdown();
        fetchers.awaitTermination(10, TimeUnit.MINUTES);
        checkFatal();
        synchronized (lists) {
            return List.copyOf(lists);
        }
    }

    /** Closed loop: C clients, each a random subscriber's next pick after another. */
    private long peak(long startNanos, List<List<String>> displayed) throws InterruptedException {
        long end = startNanos + options.peakSeconds * 1_000_000_000L;
        int n = copy.population.subscriberCount();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients, daemon("peak-client"));
        PeakOrder order = new PeakOrder(n, options.seed);
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        for (int c = 0; c < options.clients; c++) {
            clients.execute(() -> guarded(() -> {
                while (fatal.get() == null && System.nanoTime() < end) {
                    int u = order.subscriberAt(next.getAndIncrement());
                    request(u, displayed.get(u), null, Phase.PEAK);
                }
            }));
        }
        clients.shutdown();
        long wait = end - System.nanoTime();
        if (wait > 0) {
            clients.awaitTermination(wait, TimeUnit.NANOSECONDS);
        }
        long ended = System.nanoTime();
        // the requests under way finish (and count in the latencies, not in the peak's rate)
        if (!clients.awaitTermination(120, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return Math.max(ended, end);
    }

    /**
     * Prime time (issue 12): everybody starts watching at once. Each subscriber makes 1 to 3 picks
     * (seeded by subscriber), the first picks of all subscribers first (in the peak's seeded order),
     * then the second ones, then the third; C clients serve them as fast as the server answers. The
     * peak ends when the last answer arrives.
     */
    private long primeTime(List<List<String>> displayed) throws InterruptedException {
        int n = copy.population.subscriberCount();
        PeakOrder order = new PeakOrder(n, options.seed);
        int[] wanted = new int[n];
        for (int u = 0; u < n; u++) {
            wanted[u] = 1 + new SplittableRandom(PeakOrder.pickSeed(options.seed, u, 0)).nextInt(3);
        }
        List<Integer> queue = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            for (long i = 0; i < n; i++) {
                int u = order.subscriberAt(i);
                if (wanted[u] >= round) {
                    queue.add(u);
                }
            }
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients, daemon("peak-client"));
        for (int c = 0; c < options.clients; c++) {
            clients.execute(() -> guarded(() -> {
                int i;
                while (fatal.get() == null && (i = next.getAndIncrement()) < queue.size()) {
                    int u = queue.get(i);
                    request(u, displayed.get(u), null, Phase.PEAK);
                }
            }));
        }
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.MINUTES)) {
            clients.shutdownNow();
        }
        return System.nanoTime();
    }

    /** What a calibration measured: licenses/s of the kind asked for, and how many were of the other kind. */
    record Calibration(double perSecond, long wanted, long other, double seconds) {
        static final Calibration NONE = new Calibration(Double.NaN, 0, 0, 0);
    }

    /**
     * Licenses/s of hits alone: C clients request, for hitCalibrationSeconds, the pairs that were
     * hits at the peak again (their blocks are still stored: hits again). With {@link #missesOnly}
     * measured right before it, this gives the cost ratio c = hit cost / miss cost.
     */
    Calibration hitsOnly() throws InterruptedException {
        List<String[]> pairs;
        synchronized (peakHits) {
            pairs = List.copyOf(peakHits);
        }
        if (pairs.isEmpty() || options.hitCalibrationSeconds <= 0) {
            return Calibration.NONE;
        }
        log.accept("  hits only: " + options.hitCalibrationSeconds + " s over " + pairs.size() + " pairs of "
                + copy.prefix);
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        Calibration c = calibrate(true, () -> pairs.get((int) (next.getAndIncrement() % pairs.size())));
        log.accept(String.format(
                Locale.ROOT, "  hits only: %.1f licenses/s (%d misses among them)", c.perSecond(), c.other()));
        return c;
    }

    /**
     * Licenses/s of misses alone: C clients request, for hitCalibrationSeconds, picks by taste of
     * this copy's subscribers that none of them made before (never precomputed: this copy is off
     * the active list), each a new (terminal, content) pair, so each a miss.
     */
    Calibration missesOnly() throws InterruptedException {
        if (options.hitCalibrationSeconds <= 0) {
            return Calibration.NONE;
        }
        int n = copy.population.subscriberCount();
        log.accept("  misses only: " + options.hitCalibrationSeconds + " s, new picks by taste of " + copy.prefix);
        AtomicInteger next = new AtomicInteger();
        Calibration c = calibrate(false, () -> {
            int i = next.getAndIncrement();
            int u = i % n;
            String pick = picker.pick(u, List.of(), new SplittableRandom(PeakOrder.pickSeed(options.seed + 17, u, i)));
            return new String[] {copy.terminal(u), copy.content(pick)};
        });
        log.accept(String.format(
                Locale.ROOT, "  misses only: %.1f licenses/s (%d hits among them)", c.perSecond(), c.other()));
        return c;
    }

    private Calibration calibrate(boolean hits, java.util.function.Supplier<String[]> pairs)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong wanted = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong other = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        long end = start + options.hitCalibrationSeconds * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(options.clients, daemon("peak-calibration"));
        for (int c = 0; c < options.clients; c++) {
            clients.execute(() -> guarded(() -> {
                while (fatal.get() == null && System.nanoTime() < end) {
                    String[] pair = pairs.get();
                    SplitcastApi.LicenseOutcome outcome = api.license(pair[0], pair[1]);
                    if (hits ? outcome.hit() : outcome.miss()) {
                        wanted.incrementAndGet();
                    } else if (outcome.ok()) {
                        other.incrementAndGet();
                    }
                }
            }));
        }
        clients.shutdown();
        clients.awaitTermination(options.hitCalibrationSeconds + 120L, TimeUnit.SECONDS);
        checkFatal();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Calibration(wanted.get() / seconds, wanted.get(), other.get(), seconds);
    }

    private static int[] toArray(java.util.concurrent.atomic.AtomicIntegerArray a) {
        int[] out = new int[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    /** One pick and its license; at the peak the pick's randomness comes from (seed, subscriber, pick). */
    private void request(int u, List<String> displayedList, SplittableRandom random, Phase phase) {
        int number = picks.get(phase).incrementAndGet(u);
        if (random == null) {
            random = new SplittableRandom(PeakOrder.pickSeed(options.seed, u, number));
        }
        List<String> shown = new ArrayList<>(displayedList.size());
        for (String id : displayedList) {
            String popId = copy.populationContent(id);
            if (popId == null) {
                // a content of another copy or of someone else: the server's list is wrong
                if (foreignListed.getAndIncrement() < 3) {
                    log.accept("  WARNING: the list of " + copy.subscriber(u) + " shows " + id
                            + ", not a content of this copy");
                }
            } else {
                shown.add(popId);
            }
        }
        String pick = picker.pick(u, shown, random);
        String terminalId = copy.terminal(u);
        String contentId = copy.content(pick);
        SplitcastApi.LicenseOutcome outcome = api.license(terminalId, contentId);
        long completed = System.nanoTime();
        int access = outcome.hit() ? 1 : outcome.miss() ? 0 : -1;
        series.add(new Series.Request(completed, outcome.status(), access, outcome.latencyNanos(), phase, number));
        if (phase == Phase.PEAK && outcome.ok()) {
            int position = Math.min(shown.indexOf(pick) + 1, options.displayed);
            positionPicks.incrementAndGet(position);
            if (outcome.hit()) {
                positionHits.incrementAndGet(position);
            }
        }
        if (phase == Phase.PEAK && outcome.hit()) {
            synchronized (peakHits) {
                peakHits.add(new String[] {terminalId, contentId});
            }
        }
        if (!outcome.ok()) {
            String description = PopulationCopy.describe(terminalId, contentId, outcome);
            if (firstErrors.size() < 5) {
                firstErrors.add(phase.key() + ": " + description);
            }
            if ("not-entitled".equals(outcome.problemCode())) {
                fatal.compareAndSet(
                        null,
                        new FatalRefusal("a license the population is entitled to was refused (" + phase.key() + ", "
                                + copy.mode.label() + "): " + description));
            }
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
    }

    private void checkFatal() {
        RuntimeException e = fatal.get();
        if (e != null) {
            throw e;
        }
    }

    static Series.Status status(JsonObject s, long atNanos) {
        JsonObject settings = s.getJsonObject("settings");
        return new Series.Status(
                atNanos,
                number(s, "workload"),
                number(s, "trend"),
                s.getBoolean("gateOpen", false),
                settings != null && settings.getBoolean("enabled", false),
                (long) number(s, "storeSize"),
                (long) number(s, "activeUsersWaiting"),
                (long) number(s, "hits"),
                (long) number(s, "misses"));
    }

    /** The CPU time this process (the client) has used, in nanoseconds; -1 if unknown. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The machine's load average over the last minute (NaN where the platform has none). */
    static double loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    static double number(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getJsonNumber(name).doubleValue() : Double.NaN;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The subscribers' picks: {@link org.splitcast.recommendation.synthetic.SyntheticPopulation#nextPick}
     * from the list shown, and unless repeats are allowed, never a content the subscriber already
     * picked in this mode (a viewer plays a title once in an evening): those leave the list shown,
     * and a pick by preference that falls on one is drawn again.
     */
    static final class Picker {
        private final PopulationCopy copy;
        private final double p;
        private final boolean repeats;
        private final Set<String>[] picked;

        @SuppressWarnings("unchecked")
        Picker(PopulationCopy copy, double p, boolean repeats) {
            this.copy = copy;
            this.p = p;
            this.repeats = repeats;
            this.picked = new Set[copy.population.subscriberCount()];
            for (int u = 0; u < picked.length; u++) {
                picked[u] = new HashSet<>();
            }
        }

        String pick(int u, List<String> shown, SplittableRandom random) {
            String subscriber = copy.populationSubscriber(u);
            Set<String> mine = picked[u];
            synchronized (mine) {
                List<String> list = repeats
                        ? shown
                        : shown.stream().filter(id -> !mine.contains(id)).toList();
                String pick = copy.population.nextPick(subscriber, list, p, random);
                for (int attempt = 0; !repeats && mine.contains(pick) && attempt < 20; attempt++) {
                    pick = copy.population.nextPick(subscriber, List.of(), p, random);
                }
                mine.add(pick);
                return pick;
            }
        }
    }
}

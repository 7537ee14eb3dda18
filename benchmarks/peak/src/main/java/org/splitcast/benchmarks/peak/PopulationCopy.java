package org.splitcast.benchmarks.peak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.splitcast.recommendation.Segment;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/**
 * One copy of the synthetic population on the server: every id of the population with this
 * copy's prefix ({@code <run-id>-off-} or {@code <run-id>-on-}), so that two copies of the same
 * population are independent on the server (their own contents too: no co-view of one copy
 * reaches the other's recommendations) and start from the same state. One AES_256 terminal per
 * subscriber ({@code …-tv}) carries all of that subscriber's views.
 */
final class PopulationCopy {

    /** A genre name per taste cluster, so that the catalogue reads like one. */
    private static final String[] GENRES = {
        "drama",
        "comedy",
        "thriller",
        "documentary",
        "animation",
        "sport",
        "science-fiction",
        "romance",
        "horror",
        "music"
    };

    /** The mode this copy serves; null for the warm-up's copy. */
    final Options.Mode mode;

    final String prefix;
    final SyntheticPopulation population;

    PopulationCopy(Options.Mode mode, String runId, SyntheticPopulation population) {
        this(mode, mode.key(), runId, population);
    }

    /** A copy for no mode (the warm-up's), ids prefixed {@code <run-id>-<name>-}. */
    PopulationCopy(String name, String runId, SyntheticPopulation population) {
        this(null, name, runId, population);
    }

    private PopulationCopy(Options.Mode mode, String name, String runId, SyntheticPopulation population) {
        this.mode = mode;
        this.prefix = runId + "-" + name + "-";
        this.population = population;
    }

    String subscriber(int index) {
        return prefix + population.subscriberId(index);
    }

    String populationSubscriber(int index) {
        return population.subscriberId(index);
    }

    String terminal(int index) {
        return subscriber(index) + "-tv";
    }

    /** This copy's id of a content or package of the population. */
    String content(String populationId) {
        return prefix + populationId;
    }

    /** The population's id of one of this copy's contents; null if it is not one. */
    String populationContent(String contentId) {
        return contentId.startsWith(prefix) ? contentId.substring(prefix.length()) : null;
    }

    List<String> subscriberIds() {
        List<String> ids = new ArrayList<>(population.subscriberCount());
        for (int u = 0; u < population.subscriberCount(); u++) {
            ids.add(subscriber(u));
        }
        return ids;
    }

    /** Contents, packages, then per subscriber: the subscriber, their terminal, their entitlements. */
    void create(SplitcastApi api, int parallelism, Consumer<String> log) throws InterruptedException {
        List<String> contentIds = population.contentIds();
        run("contents", contentIds.size(), parallelism, log, i -> {
            String id = contentIds.get(i);
            int cluster = population.contentCluster(id);
            api.createContent(content(id), "Peak " + id, genre(cluster), 600 + 60 * (i % 120));
        });
        for (Map.Entry<String, List<String>> p : population.packages().entrySet()) {
            api.createPackage(
                    content(p.getKey()),
                    "Peak " + p.getKey(),
                    p.getValue().stream().map(this::content).toList());
        }
        // Argon2id on every new password: a few at a time
        run("subscribers", population.subscriberCount(), parallelism, log, u -> {
            String popId = population.subscriberId(u);
            Segment segment = population.segment(popId);
            String id = subscriber(u);
            api.createSubscriber(
                    id,
                    id.toLowerCase(Locale.ROOT),
                    "pw-" + id,
                    segment.ageBand(),
                    segment.country(),
                    segment.category());
            api.createTerminal(id, terminal(u));
            for (String p : population.packagesOf(popId)) {
                api.entitlePackage(id, content(p));
            }
            Set<String> direct = new LinkedHashSet<>(population.contentsOf(popId));
            for (String c : direct) {
                api.entitleContent(id, content(c));
            }
        });
    }

    /** How the history replay went. */
    record Replay(int requests, int hits, int misses, int errors, double seconds, List<String> firstErrors) {
        double rate() {
            return seconds > 0 ? (requests - errors) / seconds : Double.NaN;
        }
    }

    /**
     * Every subscriber's history (held-out pick excluded) as license requests, oldest first per
     * subscriber, {@code clients} subscribers at a time: the server learns the views from them.
     * Every request is a miss at first; all of them must be granted.
     */
    Replay replayHistory(SplitcastApi api, int clients, Consumer<String> log) throws InterruptedException {
        Tally tally = new Tally("the population");
        long start = System.nanoTime();
        run("history", population.subscriberCount(), clients, log, u -> {
            for (SyntheticPopulation.View view : population.history(population.subscriberId(u))) {
                tally.license(api, terminal(u), content(view.contentId()));
            }
        });
        return tally.replay((System.nanoTime() - start) / 1e9);
    }

    /**
     * The warm-up: {@code clients} clients in a closed loop for {@code seconds}, each request a
     * random subscriber and a random content of this copy (misses at first, more and more hits as
     * pairs come round again), so that neither mode measures a server still compiling its paths.
     */
    Replay warmUp(SplitcastApi api, int clients, int seconds) throws InterruptedException {
        Tally tally = new Tally("the warm-up population");
        List<String> contents = population.contentIds();
        int n = population.subscriberCount();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        run("warm-up", clients, clients, s -> {}, c -> {
            java.util.SplittableRandom random =
                    new java.util.SplittableRandom(population.config().seed() + c);
            while (System.nanoTime() < end) {
                int u = random.nextInt(n);
                tally.license(api, terminal(u), content(contents.get(random.nextInt(contents.size()))));
            }
        });
        return tally.replay((System.nanoTime() - start) / 1e9);
    }

    /**
     * The license requests of a replay or a warm-up, counted from several threads: hits, misses,
     * errors and the first few refusals; a {@code not-entitled} refusal means the population was
     * set up wrong and stops the run.
     */
    private static final class Tally {
        private final String what;
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger hits = new AtomicInteger();
        private final AtomicInteger misses = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        Tally(String what) {
            this.what = what;
        }

        void license(SplitcastApi api, String terminalId, String contentId) {
            SplitcastApi.LicenseOutcome outcome = api.license(terminalId, contentId);
            requests.incrementAndGet();
            if (outcome.hit()) {
                hits.incrementAndGet();
            } else if (outcome.miss()) {
                misses.incrementAndGet();
            } else if (!outcome.ok()) {
                errors.incrementAndGet();
                if (firstErrors.size() < 5) {
                    firstErrors.add(describe(terminalId, contentId, outcome));
                }
                if ("not-entitled".equals(outcome.problemCode())) {
                    throw new IllegalStateException(
                            what + " is set up wrong: " + describe(terminalId, contentId, outcome));
                }
            }
        }

        Replay replay(double seconds) {
            return new Replay(
                    requests.get(), hits.get(), misses.get(), errors.get(), seconds, List.copyOf(firstErrors));
        }
    }

    static String describe(String terminalId, String contentId, SplitcastApi.LicenseOutcome outcome) {
        return "POST /api/licenses {terminalId: " + terminalId + ", contentId: " + contentId + "} -> HTTP "
                + outcome.status() + " " + SplitcastApi.abbreviate(outcome.body(), 400);
    }

    private static String genre(int cluster) {
        String name = GENRES[cluster % GENRES.length];
        return cluster < GENRES.length ? name : name + "-" + (cluster / GENRES.length + 1);
    }

    /** A task per index, {@code parallelism} at a time; the first failure stops the rest and is thrown. */
    interface IndexTask {
        void run(int index);
    }

    private void run(String what, int count, int parallelism, Consumer<String> log, IndexTask task)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < parallelism; w++) {
            futures.add(workers.submit(() -> {
                int i;
                while (failures.isEmpty() && (i = next.getAndIncrement()) < count) {
                    try {
                        task.run(i);
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                    int d = done.incrementAndGet();
                    if (d % Math.max(1, count / 5) == 0 && d < count) {
                        log.accept(String.format(
                                Locale.ROOT,
                                "  %s %s: %d/%d (%.0f s)",
                                prefix,
                                what,
                                d,
                                count,
                                (System.nanoTime() - start) / 1e9));
                    }
                }
            }));
        }
        workers.shutdown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        log.accept(String.format(
                Locale.ROOT, "  %s %s: %d in %.1f s", prefix, what, count, (System.nanoTime() - start) / 1e9));
    }
}

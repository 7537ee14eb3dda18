package org.splitcast.benchmarks.recommendation;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitcast.benchmarks.Sha256Baseline;
import org.splitcast.recommendation.Recommendation;
import org.splitcast.recommendation.RecommendationModel;
import org.splitcast.recommendation.RecommenderSettings;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/**
 * The cost of one recommendation list (average time per call, one thread) on a model of the
 * synthetic population at the scale of the issue (100,000 subscribers × 10,000 contents, 30 views
 * each on average, Zipf popularity), and of building that model. Each call asks for the next
 * subscriber of a shuffled order, every other one for one of their terminals, so that the caches
 * see a realistic spread of subscribers rather than one hot list. {@link #baseline} is the license
 * benchmarks' fixed amount of plain JDK work (SHA-256 of 1 KiB) measured in the same run: these
 * machines are shared and noisy, and a result stated as so many baselines holds better than
 * microseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class RecommendationBenchmark {

    /** The population of a run, and the subscribers in the order they are asked for. */
    @State(Scope.Benchmark)
    public static class Population {

        @Param({"100000"})
        public int subscribers;

        @Param({"10000"})
        public int contents;

        @Param({"42"})
        public long seed;

        SyntheticPopulation population;
        String[] order;
        String[] terminals;

        @Setup(Level.Trial)
        public void generate() {
            population = SyntheticPopulation.generate(SyntheticPopulation.Config.of(subscribers, contents, seed));
            int[] shuffled = new int[subscribers];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < subscribers; i++) {
                int j = random.nextInt(i + 1);
                shuffled[i] = shuffled[j];
                shuffled[j] = i;
            }
            order = new String[subscribers];
            terminals = new String[subscribers];
            for (int i = 0; i < subscribers; i++) {
                order[i] = population.subscriberId(shuffled[i]);
                terminals[i] =
                        i % 2 == 0 ? null : population.terminals(order[i]).get(0);
            }
        }
    }

    /** The model built from the population (once per fork), with the default settings. */
    @State(Scope.Benchmark)
    public static class Model {

        RecommendationModel model;

        @Setup(Level.Trial)
        public void build(Population population) {
            model = population.population.build(RecommenderSettings.defaults());
            RecommendationModel.Stats stats = model.stats();
            System.out.printf(
                    Locale.ROOT,
                    "%n[model] %,d subscribers x %,d contents, %,d views, %,d neighbour pairs, %d segments: "
                            + "built in %.2f s; heap in use %,d MB%n",
                    stats.subscribers(),
                    stats.contents(),
                    stats.views(),
                    stats.neighbourPairs(),
                    stats.segments(),
                    stats.buildDuration().toNanos() / 1e9,
                    usedHeapMegabytes());
        }
    }

    /** Where this thread is in the population's order. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int size) {
            int at = next;
            next = at + 1 == size ? 0 : at + 1;
            return at;
        }
    }

    /** A builder holding the whole population, for timing {@link RecommendationModel.Builder#build}. */
    @State(Scope.Benchmark)
    public static class Loaded {

        RecommendationModel.Builder builder;

        @Setup(Level.Trial)
        public void load(Population population) {
            builder = population.population.populate(RecommendationModel.builder());
        }
    }

    @Benchmark
    public List<Recommendation> recommend10(Population population, Model model, Cursor cursor) {
        int at = cursor.advance(population.order.length);
        return model.model.recommend(population.order[at], population.terminals[at], 10);
    }

    @Benchmark
    public List<Recommendation> recommend100(Population population, Model model, Cursor cursor) {
        int at = cursor.advance(population.order.length);
        return model.model.recommend(population.order[at], population.terminals[at], 100);
    }

    /** The whole build (co-view neighbours, segment popularity, subscriber states), once per iteration. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public RecommendationModel build(Loaded loaded) {
        return loaded.builder.build(RecommenderSettings.defaults());
    }

    @Benchmark
    public byte[] baseline(Sha256Baseline state) {
        return state.digest();
    }

    /** The heap in use after a collection: roughly what the population and the model hold. */
    static long usedHeapMegabytes() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}

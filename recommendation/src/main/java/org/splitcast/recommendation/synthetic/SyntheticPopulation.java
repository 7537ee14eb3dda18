package org.splitcast.recommendation.synthetic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.splitcast.recommendation.RecommendationModel;
import org.splitcast.recommendation.RecommenderSettings;
import org.splitcast.recommendation.Segment;

/**
 * A synthetic population of subscribers and contents, the same for the same {@link Config}
 * (seeded): immutable and safe to share between threads once generated.
 *
 * <ul>
 *   <li><b>Contents</b> {@code content-00000…}, each in one of K taste clusters (its genre), with a
 *       global popularity rank: the r-th most popular is drawn with weight 1/(r+1)^s (Zipf), and
 *       inside its cluster likewise by its rank among the cluster's contents.
 *   <li><b>Subscribers</b> {@code subscriber-000000…}, each in one cluster, with demographics
 *       correlated with it: every cluster has a typical age band and country (distinct between
 *       clusters while there are enough combinations), which a subscriber has with probability
 *       {@code demographicFidelity}, else random ones; the category is random. Each has one to
 *       three terminals ({@code subscriber-000000-tv}, {@code -phone}, {@code -tablet}).
 *   <li><b>Entitlements</b>: a genre package per group of clusters ({@code pkg-0…}: cluster k is
 *       in {@code pkg-(k mod P)}) and {@value #ALL_PACKAGE} with everything. A share {@code
 *       fullAccessShare} of subscribers holds {@value #ALL_PACKAGE}; the others hold their own
 *       cluster's package, one more at random and two contents bought directly.
 *   <li><b>Views</b>: 2 or more per subscriber (geometric, mean {@code meanViews}), distinct, of
 *       entitled contents, each from the subscriber's own cluster with probability {@code
 *       ownClusterProbability}, else from the whole catalogue, at increasing instants from {@link
 *       #EPOCH}, each on one of the subscriber's terminals. The last one is held out: {@link
 *       #history} is the rest, {@link #heldOut} that pick, and {@link #populate} loads the history
 *       only.
 * </ul>
 */
public final class SyntheticPopulation {

    /** The package that holds every content. */
    public static final String ALL_PACKAGE = "pkg-all";

    /** Where the first views start. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    static final String[] AGE_BANDS = {"0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    static final String[] COUNTRIES = {"FR", "ES", "DE", "IT", "GB", "PT", "BE", "NL"};
    static final String[] CATEGORIES = {"standard", "premium", "family"};
    static final String[] TERMINALS = {"tv", "phone", "tablet"};

    /**
     * How to generate a population.
     *
     * @param subscribers how many subscribers (1..10,000,000)
     * @param contents how many contents (at least {@code clusters}, at most 10,000,000)
     * @param clusters how many taste clusters (1..1000)
     * @param meanViews the mean number of views per subscriber, held-out pick included (&ge; 2)
     * @param ownClusterProbability the probability that a view is drawn from the subscriber's own
     *     cluster rather than from the whole catalogue (0..1)
     * @param zipfExponent s of the Zipf popularity (&ge; 0; 0 is uniform)
     * @param packages how many genre packages (1..30)
     * @param fullAccessShare the share of subscribers who hold every content (0..1)
     * @param demographicFidelity the probability that a subscriber has their cluster's typical age
     *     band, and (separately) its typical country (0..1)
     * @param seed the seed of everything random
     */
    public record Config(
            int subscribers,
            int contents,
            int clusters,
            double meanViews,
            double ownClusterProbability,
            double zipfExponent,
            int packages,
            double fullAccessShare,
            double demographicFidelity,
            long seed) {

        public Config {
            range("subscribers", subscribers, 1, 10_000_000);
            range("clusters", clusters, 1, 1000);
            range("contents", contents, clusters, 10_000_000);
            if (!(meanViews >= 2) || Double.isInfinite(meanViews)) {
                throw new IllegalArgumentException("meanViews must be at least 2, was " + meanViews);
            }
            probability("ownClusterProbability", ownClusterProbability);
            if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
                throw new IllegalArgumentException("zipfExponent must be at least 0, was " + zipfExponent);
            }
            range("packages", packages, 1, 30);
            probability("fullAccessShare", fullAccessShare);
            probability("demographicFidelity", demographicFidelity);
        }

        /**
         * The defaults with these sizes: 20 clusters, 30 views on average, 80% from the own
         * cluster, Zipf s = 1, 4 genre packages, 60% full access, 80% demographic fidelity.
         */
        public static Config of(int subscribers, int contents, long seed) {
            return new Config(subscribers, contents, 20, 30, 0.8, 1.0, 4, 0.6, 0.8, seed);
        }

        public Config withClusters(int value) {
            return new Config(
                    subscribers,
                    contents,
                    value,
                    meanViews,
                    ownClusterProbability,
                    zipfExponent,
                    packages,
                    fullAccessShare,
                    demographicFidelity,
                    seed);
        }

        public Config withMeanViews(double value) {
            return new Config(
                    subscribers,
                    contents,
                    clusters,
                    value,
                    ownClusterProbability,
                    zipfExponent,
                    packages,
                    fullAccessShare,
                    demographicFidelity,
                    seed);
        }

        public Config withOwnClusterProbability(double value) {
            return new Config(
                    subscribers,
                    contents,
                    clusters,
                    meanViews,
                    value,
                    zipfExponent,
                    packages,
                    fullAccessShare,
                    demographicFidelity,
                    seed);
        }

        public Config withFullAccessShare(double value) {
            return new Config(
                    subscribers,
                    contents,
                    clusters,
                    meanViews,
                    ownClusterProbability,
                    zipfExponent,
                    packages,
                    value,
                    demographicFidelity,
                    seed);
        }

        public Config withSeed(long value) {
            return new Config(
                    subscribers,
                    contents,
                    clusters,
                    meanViews,
                    ownClusterProbability,
                    zipfExponent,
                    packages,
                    fullAccessShare,
                    demographicFidelity,
                    value);
        }

        private static void range(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
            }
        }

        private static void probability(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
            }
        }
    }

    /** One view: who, on which terminal, what, when. */
    public record View(String subscriberId, String terminalId, String contentId, Instant at) {}

    private final Config config;
    private final String[] contentIds;
    private final Map<String, Integer> contentIndex;
    private final int[] contentCluster;
    /** Contents by global popularity, most popular first. */
    private final int[] globalOrder;

    private final double[] globalCumulative;
    /** Per cluster, its contents by popularity, and the cumulative Zipf weights. */
    private final int[][] clusterOrder;

    private final double[][] clusterCumulative;

    private final String[] subscriberIds;
    private final Map<String, Integer> subscriberIndex;
    private final int[] subscriberCluster;
    private final byte[] ageBand;
    private final byte[] country;
    private final byte[] category;
    private final byte[] terminalCount;
    private final boolean[] fullAccess;
    private final int[] packageMask;
    private final int[][] directContents;
    /** Views of subscriber s: [viewOffsets[s], viewOffsets[s + 1]), in time order, last held out. */
    private final int[] viewOffsets;

    private final int[] viewContent;
    private final long[] viewSecond;
    private final byte[] viewTerminal;

    private SyntheticPopulation(Config config) {
        this.config = config;
        SplittableRandom random = new SplittableRandom(config.seed());
        int c = config.contents();
        int k = config.clusters();
        double s = config.zipfExponent();

        // contents: clusters balanced over a random order, popularity ranks another random order
        contentIds = new String[c];
        contentIndex = new HashMap<>(c * 2);
        String contentFormat = "content-%0" + Math.max(5, digits(c - 1)) + "d";
        for (int i = 0; i < c; i++) {
            contentIds[i] = String.format(contentFormat, i);
            contentIndex.put(contentIds[i], i);
        }
        contentCluster = new int[c];
        int[] shuffled = permutation(c, random);
        for (int i = 0; i < c; i++) {
            contentCluster[shuffled[i]] = i % k;
        }
        globalOrder = permutation(c, random);
        globalCumulative = zipfCumulative(c, s);
        int[] clusterSizes = new int[k];
        for (int i = 0; i < c; i++) {
            clusterSizes[contentCluster[i]]++;
        }
        clusterOrder = new int[k][];
        clusterCumulative = new double[k][];
        int[] fill = new int[k];
        for (int cl = 0; cl < k; cl++) {
            clusterOrder[cl] = new int[clusterSizes[cl]];
            clusterCumulative[cl] = zipfCumulative(clusterSizes[cl], s);
        }
        for (int j : globalOrder) {
            int cl = contentCluster[j];
            clusterOrder[cl][fill[cl]++] = j;
        }

        // subscribers
        int n = config.subscribers();
        subscriberIds = new String[n];
        subscriberIndex = new HashMap<>(n * 2);
        String subscriberFormat = "subscriber-%0" + Math.max(6, digits(n - 1)) + "d";
        subscriberCluster = new int[n];
        ageBand = new byte[n];
        country = new byte[n];
        category = new byte[n];
        terminalCount = new byte[n];
        fullAccess = new boolean[n];
        packageMask = new int[n];
        directContents = new int[n][];
        int[] offsets = new int[n + 1];
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) Math.ceil(n * config.meanViews() * 1.1) + 16);
        int[] contentsViewed = new int[capacity];
        long[] seconds = new long[capacity];
        byte[] terminals = new byte[capacity];
        int total = 0;
        double geometric = 1.0 / (config.meanViews() - 1); // 2 + geometric(p) has mean meanViews
        long[] seen = new long[(c + 63) >>> 6];
        for (int u = 0; u < n; u++) {
            subscriberIds[u] = String.format(subscriberFormat, u);
            subscriberIndex.put(subscriberIds[u], u);
            int cl = random.nextInt(k);
            subscriberCluster[u] = cl;
            ageBand[u] = (byte)
                    (random.nextDouble() < config.demographicFidelity()
                            ? typicalAgeBand(cl)
                            : random.nextInt(AGE_BANDS.length));
            country[u] = (byte)
                    (random.nextDouble() < config.demographicFidelity()
                            ? typicalCountry(cl)
                            : random.nextInt(COUNTRIES.length));
            category[u] = (byte) random.nextInt(CATEGORIES.length);
            terminalCount[u] = (byte) (1 + random.nextInt(TERMINALS.length));
            if (random.nextDouble() < config.fullAccessShare()) {
                fullAccess[u] = true;
                directContents[u] = new int[0];
            } else {
                packageMask[u] = (1 << packageOf(cl)) | (1 << random.nextInt(config.packages()));
                directContents[u] = new int[] {random.nextInt(c), random.nextInt(c)};
                Arrays.sort(directContents[u]);
            }

            int entitled = entitledCount(u);
            int views = 2;
            if (geometric < 1) {
                views += (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - geometric));
            }
            views = Math.min(views, Math.max(1, entitled / 2));
            views = Math.min(views, 50 * (int) Math.ceil(config.meanViews()));
            if (total + views > contentsViewed.length) {
                int grown =
                        (int) Math.min(Integer.MAX_VALUE - 8, Math.max(total + views, contentsViewed.length * 3L / 2));
                contentsViewed = Arrays.copyOf(contentsViewed, grown);
                seconds = Arrays.copyOf(seconds, grown);
                terminals = Arrays.copyOf(terminals, grown);
            }
            long second = EPOCH.getEpochSecond() + random.nextLong(30L * 24 * 3600);
            for (int v = 0; v < views; v++) {
                int j = drawPreferred(u, seen, random);
                seen[j >>> 6] |= 1L << j;
                second += 600 + random.nextLong(3L * 24 * 3600);
                contentsViewed[total] = j;
                seconds[total] = second;
                terminals[total] = (byte) random.nextInt(terminalCount[u]);
                total++;
            }
            for (int v = offsets[u]; v < total; v++) {
                int j = contentsViewed[v];
                seen[j >>> 6] &= ~(1L << j);
            }
            offsets[u + 1] = total;
        }
        viewOffsets = offsets;
        viewContent = Arrays.copyOf(contentsViewed, total);
        viewSecond = Arrays.copyOf(seconds, total);
        viewTerminal = Arrays.copyOf(terminals, total);
    }

    /** Generates the population of a configuration (the same one every time). */
    public static SyntheticPopulation generate(Config config) {
        return new SyntheticPopulation(Objects.requireNonNull(config, "config"));
    }

    public Config config() {
        return config;
    }

    public int subscriberCount() {
        return subscriberIds.length;
    }

    /** The id of the subscriber at {@code index} (0..subscriberCount-1). */
    public String subscriberId(int index) {
        return subscriberIds[index];
    }

    public List<String> subscriberIds() {
        return Collections.unmodifiableList(Arrays.asList(subscriberIds));
    }

    public int contentCount() {
        return contentIds.length;
    }

    public List<String> contentIds() {
        return Collections.unmodifiableList(Arrays.asList(contentIds));
    }

    /** The taste cluster of a subscriber. */
    public int cluster(String subscriberId) {
        return subscriberCluster[subscriber(subscriberId)];
    }

    /** The taste cluster (genre) of a content. */
    public int contentCluster(String contentId) {
        return contentCluster[content(contentId)];
    }

    /** The contents of a cluster, most popular first. */
    public List<String> clusterContents(int cluster) {
        return ids(clusterOrder[cluster]);
    }

    /** The subscriber's demographic segment. */
    public Segment segment(String subscriberId) {
        int u = subscriber(subscriberId);
        return new Segment(AGE_BANDS[ageBand[u]], COUNTRIES[country[u]], CATEGORIES[category[u]]);
    }

    /** The typical segment of a cluster's subscribers, with the given category (0..2). */
    public Segment typicalSegment(int cluster, int categoryIndex) {
        return new Segment(
                AGE_BANDS[typicalAgeBand(cluster)], COUNTRIES[typicalCountry(cluster)], CATEGORIES[categoryIndex]);
    }

    /** The subscriber's terminals. */
    public List<String> terminals(String subscriberId) {
        int u = subscriber(subscriberId);
        List<String> result = new ArrayList<>(terminalCount[u]);
        for (int t = 0; t < terminalCount[u]; t++) {
            result.add(terminalId(u, t));
        }
        return result;
    }

    /** The subscriber's views without the held-out pick, oldest first. */
    public List<View> history(String subscriberId) {
        int u = subscriber(subscriberId);
        List<View> result = new ArrayList<>(viewOffsets[u + 1] - viewOffsets[u] - 1);
        for (int v = viewOffsets[u]; v < viewOffsets[u + 1] - 1; v++) {
            result.add(view(u, v));
        }
        return result;
    }

    /** The subscriber's last pick, held out of {@link #history}. */
    public Optional<View> heldOut(String subscriberId) {
        int u = subscriber(subscriberId);
        int last = viewOffsets[u + 1] - 1;
        return last > viewOffsets[u] ? Optional.of(view(u, last)) : Optional.empty();
    }

    /** Every package: id to its contents. */
    public Map<String, List<String>> packages() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (int p = 0; p < config.packages(); p++) {
            List<String> members = new ArrayList<>();
            for (int j = 0; j < contentIds.length; j++) {
                if (packageOf(contentCluster[j]) == p) {
                    members.add(contentIds[j]);
                }
            }
            result.put("pkg-" + p, members);
        }
        result.put(ALL_PACKAGE, contentIds());
        return result;
    }

    /** The packages the subscriber holds. */
    public List<String> packagesOf(String subscriberId) {
        int u = subscriber(subscriberId);
        if (fullAccess[u]) {
            return List.of(ALL_PACKAGE);
        }
        List<String> result = new ArrayList<>(2);
        for (int p = 0; p < config.packages(); p++) {
            if ((packageMask[u] & (1 << p)) != 0) {
                result.add("pkg-" + p);
            }
        }
        return result;
    }

    /** The contents the subscriber bought directly. */
    public List<String> contentsOf(String subscriberId) {
        return ids(directContents[subscriber(subscriberId)]);
    }

    /** Whether the subscriber may watch the content. */
    public boolean isEntitled(String subscriberId, String contentId) {
        return entitled(subscriber(subscriberId), content(contentId));
    }

    /** Loads contents, packages, subscribers, entitlements and every view but the held-out ones. */
    public RecommendationModel.Builder populate(RecommendationModel.Builder builder) {
        return populate(builder, false);
    }

    /** Loads everything; the held-out picks too if {@code withHeldOut}. */
    public RecommendationModel.Builder populate(RecommendationModel.Builder builder, boolean withHeldOut) {
        for (String id : contentIds) {
            builder.addContent(id);
        }
        for (Map.Entry<String, List<String>> p : packages().entrySet()) {
            builder.addPackage(p.getKey(), p.getValue());
        }
        for (int u = 0; u < subscriberIds.length; u++) {
            String id = subscriberIds[u];
            builder.addSubscriber(id, segment(id));
            for (String p : packagesOf(id)) {
                builder.entitlePackage(id, p);
            }
            for (int j : directContents[u]) {
                builder.entitleContent(id, contentIds[j]);
            }
            int end = withHeldOut ? viewOffsets[u + 1] : viewOffsets[u + 1] - 1;
            for (int v = viewOffsets[u]; v < end; v++) {
                builder.addView(
                        id,
                        terminalId(u, viewTerminal[v]),
                        contentIds[viewContent[v]],
                        Instant.ofEpochSecond(viewSecond[v]));
            }
        }
        return builder;
    }

    /** A model of the population without the held-out picks. */
    public RecommendationModel build(RecommenderSettings settings) {
        return populate(RecommendationModel.builder()).build(settings);
    }

    /**
     * What the subscriber picks next after being shown {@code displayed}: with probability {@code
     * p} one of the displayed contents (the k-th with weight 1/k: the top of a list is picked more
     * often), else one drawn from the population's own preferences (the subscriber's cluster with
     * probability {@code ownClusterProbability}, else the whole catalogue, by Zipf popularity)
     * among the contents they may watch and did not view in this population (held-out pick
     * included).
     *
     * @param displayed the list shown (may be empty: then always by preferences)
     * @param p the probability of picking from the list, 0..1
     * @param random the source of randomness (e.g. a seeded {@link SplittableRandom}); not shared
     *     between threads unless it is thread-safe
     */
    public String nextPick(String subscriberId, List<String> displayed, double p, RandomGenerator random) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be between 0 and 1, was " + p);
        }
        Objects.requireNonNull(displayed, "displayed");
        int u = subscriber(subscriberId);
        if (!displayed.isEmpty() && random.nextDouble() < p) {
            double harmonic = 0;
            for (int k = 1; k <= displayed.size(); k++) {
                harmonic += 1.0 / k;
            }
            double x = random.nextDouble() * harmonic;
            for (int k = 1; k <= displayed.size(); k++) {
                x -= 1.0 / k;
                if (x < 0) {
                    return displayed.get(k - 1);
                }
            }
            return displayed.get(displayed.size() - 1);
        }
        long[] seen = new long[(contentIds.length + 63) >>> 6];
        for (int v = viewOffsets[u]; v < viewOffsets[u + 1]; v++) {
            int j = viewContent[v];
            seen[j >>> 6] |= 1L << j;
        }
        return contentIds[drawPreferred(u, seen, random)];
    }

    /** A content the subscriber may watch and has not seen, drawn by their preferences. */
    private int drawPreferred(int u, long[] seen, RandomGenerator random) {
        int cl = subscriberCluster[u];
        for (int attempt = 0; attempt < 1000; attempt++) {
            int j = random.nextDouble() < config.ownClusterProbability()
                    ? clusterOrder[cl][draw(clusterCumulative[cl], random)]
                    : globalOrder[draw(globalCumulative, random)];
            if ((seen[j >>> 6] & (1L << j)) == 0 && entitled(u, j)) {
                return j;
            }
        }
        // the subscriber has seen nearly everything they may watch: the most popular left
        for (int j : globalOrder) {
            if ((seen[j >>> 6] & (1L << j)) == 0 && entitled(u, j)) {
                return j;
            }
        }
        for (int j : globalOrder) {
            if (entitled(u, j)) {
                return j;
            }
        }
        return globalOrder[0];
    }

    private boolean entitled(int u, int j) {
        return fullAccess[u]
                || (packageMask[u] & (1 << packageOf(contentCluster[j]))) != 0
                || Arrays.binarySearch(directContents[u], j) >= 0;
    }

    private int entitledCount(int u) {
        if (fullAccess[u]) {
            return contentIds.length;
        }
        int count = directContents[u].length;
        for (int cl = 0; cl < config.clusters(); cl++) {
            if ((packageMask[u] & (1 << packageOf(cl))) != 0) {
                count += clusterOrder[cl].length;
            }
        }
        return count;
    }

    private int packageOf(int cluster) {
        return cluster % config.packages();
    }

    private static int typicalAgeBand(int cluster) {
        return cluster % AGE_BANDS.length;
    }

    private static int typicalCountry(int cluster) {
        return (cluster / AGE_BANDS.length) % COUNTRIES.length;
    }

    private View view(int u, int v) {
        return new View(
                subscriberIds[u],
                terminalId(u, viewTerminal[v]),
                contentIds[viewContent[v]],
                Instant.ofEpochSecond(viewSecond[v]));
    }

    private String terminalId(int u, int t) {
        return subscriberIds[u] + "-" + TERMINALS[t];
    }

    private int subscriber(String subscriberId) {
        Integer u = subscriberIndex.get(subscriberId);
        if (u == null) {
            throw new IllegalArgumentException("no subscriber " + subscriberId + " in this population");
        }
        return u;
    }

    private int content(String contentId) {
        Integer j = contentIndex.get(contentId);
        if (j == null) {
            throw new IllegalArgumentException("no content " + contentId + " in this population");
        }
        return j;
    }

    private List<String> ids(int[] contents) {
        List<String> result = new ArrayList<>(contents.length);
        for (int j : contents) {
            result.add(contentIds[j]);
        }
        return Collections.unmodifiableList(result);
    }

    private static int draw(double[] cumulative, RandomGenerator random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, x);
        int index = at >= 0 ? at : -at - 1;
        return Math.min(index, cumulative.length - 1);
    }

    private static double[] zipfCumulative(int n, double s) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1 / Math.pow(r + 1, s);
            cumulative[r] = sum;
        }
        return cumulative;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int other = random.nextInt(i + 1);
            int swap = result[i];
            result[i] = result[other];
            result[other] = swap;
        }
        return result;
    }

    private static int digits(int value) {
        return Integer.toString(Math.max(0, value)).length();
    }
}

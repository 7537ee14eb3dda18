package org.splitcast.recommendation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Popularity as the build computes it, from each subscriber's distinct contents viewed: the
 * global distribution {@code p(j) = (n(j) + 1) / (N + C)} with the contents in its order, and a
 * {@link PopularityNode} for each segment, and each coarser segment (age band + country), that has
 * at least {@code minSegmentViews} views. Immutable.
 */
final class SegmentPopularity {

    /** p(j) over the whole population. */
    final double[] global;
    /** The contents by global popularity, most viewed first, ties by ordinal. */
    final int[] ranking;

    private final Map<Segment, PopularityNode> nodes;
    private final PopularityNode globalNode;

    private SegmentPopularity(
            double[] global, int[] ranking, Map<Segment, PopularityNode> nodes, PopularityNode globalNode) {
        this.global = global;
        this.ranking = ranking;
        this.nodes = nodes;
        this.globalNode = globalNode;
    }

    /**
     * @param contents how many contents
     * @param segments each subscriber's segment
     * @param offsets rows of {@code items}, one per subscriber
     * @param items each subscriber's distinct contents viewed
     */
    static SegmentPopularity compute(
            int contents, Segment[] segments, int[] offsets, int[] items, RecommenderSettings settings) {
        long[] counts = new long[contents];
        for (int j : items) {
            counts[j]++;
        }
        double total = items.length + (double) contents;
        double[] global = new double[contents];
        for (int j = 0; j < contents; j++) {
            global[j] = (counts[j] + 1) / total;
        }
        int[] ranking = IntStream.range(0, contents)
                .boxed()
                .sorted(Comparator.<Integer>comparingLong(j -> -counts[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue)
                .toArray();
        double globalMax = contents == 0 ? 1 : global[ranking[0]];
        PopularityNode globalNode =
                new PopularityNode(Segment.UNKNOWN, new int[0][], new float[0][], new double[0], 1 / globalMax);

        Map<Segment, Ints> leafGroups = new LinkedHashMap<>();
        Map<Segment, Ints> coarseGroups = new LinkedHashMap<>();
        for (int s = 0; s < segments.length; s++) {
            Segment segment = segments[s];
            if (segment.isUnknown()) {
                continue;
            }
            Segment coarse = segment.coarser();
            if (!segment.equals(coarse)) {
                leafGroups.computeIfAbsent(segment, k -> new Ints()).add(s);
            }
            if (!coarse.isUnknown()) {
                coarseGroups.computeIfAbsent(coarse, k -> new Ints()).add(s);
            }
        }
        LevelCounter counter = new LevelCounter(contents, offsets, items, settings.segmentDepth());
        Map<Segment, Level> coarseLevels = new HashMap<>();
        for (Map.Entry<Segment, Ints> group : coarseGroups.entrySet()) {
            Level level = counter.count(group.getValue());
            if (level.total >= settings.minSegmentViews() && level.total > 0) {
                coarseLevels.put(group.getKey(), level);
            }
        }
        Map<Segment, PopularityNode> nodes = new HashMap<>();
        double[] mix = new double[contents];
        for (Map.Entry<Segment, Level> coarse : coarseLevels.entrySet()) {
            nodes.put(
                    coarse.getKey(), node(coarse.getKey(), List.of(coarse.getValue()), settings, global, ranking, mix));
        }
        for (Map.Entry<Segment, Ints> group : leafGroups.entrySet()) {
            Level level = counter.count(group.getValue());
            if (level.total < settings.minSegmentViews() || level.total == 0) {
                continue;
            }
            Level parent = coarseLevels.get(group.getKey().coarser());
            List<Level> chain = parent != null ? List.of(level, parent) : List.of(level);
            nodes.put(group.getKey(), node(group.getKey(), chain, settings, global, ranking, mix));
        }
        return new SegmentPopularity(global, ranking, Map.copyOf(nodes), globalNode);
    }

    /** The most specific node for a segment: its own, its coarser segment's, or the global one. */
    PopularityNode resolve(Segment segment) {
        if (segment.isUnknown()) {
            return globalNode;
        }
        PopularityNode node = nodes.get(segment);
        if (node == null) {
            node = nodes.get(segment.coarser());
        }
        return node != null ? node : globalNode;
    }

    /** How many segments (of either level) have a popularity of their own. */
    int segments() {
        return nodes.size();
    }

    /**
     * The node of a chain of levels (most specific first): the smoothing unrolled into one
     * coefficient per level and one for the global distribution, all divided by the node's
     * largest p so that its scores fall in [0, 1].
     */
    private static PopularityNode node(
            Segment segment,
            List<Level> chain,
            RecommenderSettings settings,
            double[] global,
            int[] ranking,
            double[] mix) {
        double beta = settings.segmentSmoothing();
        double carried = 1;
        double[] coefficients = new double[chain.size()];
        for (int l = 0; l < chain.size(); l++) {
            double denominator = chain.get(l).total + beta;
            coefficients[l] = carried / denominator;
            carried *= beta / denominator;
        }
        // the largest p is reached on a content of some level, or on the most popular overall
        Ints candidates = new Ints();
        for (int l = 0; l < chain.size(); l++) {
            Level level = chain.get(l);
            for (int k = 0; k < level.items.length; k++) {
                int j = level.items[k];
                if (mix[j] == 0) {
                    candidates.add(j);
                }
                mix[j] += coefficients[l] * level.counts[k];
            }
        }
        double max = 0;
        for (int k = 0; k < candidates.size(); k++) {
            int j = candidates.get(k);
            max = Math.max(max, mix[j] + carried * global[j]);
            mix[j] = 0;
        }
        if (ranking.length > 0) {
            max = Math.max(max, carried * global[ranking[0]]);
        }
        if (!(max > 0)) {
            max = 1;
        }
        int[][] items = new int[chain.size()][];
        float[][] counts = new float[chain.size()][];
        for (int l = 0; l < chain.size(); l++) {
            items[l] = chain.get(l).items;
            counts[l] = chain.get(l).counts;
            coefficients[l] /= max;
        }
        return new PopularityNode(segment, items, counts, coefficients, carried / max);
    }

    /** A segment level: its most viewed contents (truncated) and its total distinct views. */
    private record Level(int[] items, float[] counts, long total) {}

    /** Counts a group's distinct viewers per content with one reusable dense array. */
    private static final class LevelCounter {
        private final int[] offsets;
        private final int[] items;
        private final int[] counts;
        private final int[] touched;
        private final int depth;

        LevelCounter(int contents, int[] offsets, int[] items, int depth) {
            this.offsets = offsets;
            this.items = items;
            this.counts = new int[contents];
            this.touched = new int[contents];
            this.depth = depth;
        }

        Level count(Ints subscribers) {
            int t = 0;
            long total = 0;
            for (int k = 0; k < subscribers.size(); k++) {
                int s = subscribers.get(k);
                for (int m = offsets[s]; m < offsets[s + 1]; m++) {
                    int j = items[m];
                    if (counts[j]++ == 0) {
                        touched[t++] = j;
                    }
                    total++;
                }
            }
            int keep = Math.max(1, Math.min(depth, t));
            TopN top = new TopN(keep);
            top.reset(keep);
            for (int k = 0; k < t; k++) {
                int j = touched[k];
                top.offer(j, counts[j]);
                counts[j] = 0;
            }
            int[] kept = new int[top.size()];
            double[] scores = new double[top.size()];
            int n = top.drainBestFirst(kept, scores);
            float[] keptCounts = new float[n];
            for (int k = 0; k < n; k++) {
                keptCounts[k] = (float) scores[k];
            }
            return new Level(kept, keptCounts, total);
        }
    }
}

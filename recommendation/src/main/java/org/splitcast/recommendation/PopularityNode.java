package org.splitcast.recommendation;

/**
 * The popularity a subscriber of one segment is served, for the segment the model resolved it to
 * (the segment itself, its coarser segment, or the whole population). Each segment level with
 * enough views is smoothed toward the level above it:
 *
 * <pre>p_s(j) = (n_s(j) + β · p_parent(j)) / (N_s + β),   p_global(j) = (n(j) + 1) / (N + C)</pre>
 *
 * which unrolls into a linear mix of sparse count vectors and the global distribution; the
 * coefficients here are already divided by the node's largest p, so scores fall in [0, 1].
 * Immutable.
 */
final class PopularityNode {

    /** The segment whose own counts are the first level, or {@link Segment#UNKNOWN} for global. */
    final Segment segment;
    /** Per level (most specific first): contents ordinals, most viewed first, truncated. */
    final int[][] levelItems;
    /** Per level: the distinct viewers of each of {@link #levelItems}. */
    final float[][] levelCounts;
    /** Per level: the coefficient of its counts. */
    final double[] levelCoefficients;
    /** The coefficient of the global distribution. */
    final double globalCoefficient;

    PopularityNode(
            Segment segment,
            int[][] levelItems,
            float[][] levelCounts,
            double[] levelCoefficients,
            double globalCoefficient) {
        this.segment = segment;
        this.levelItems = levelItems;
        this.levelCounts = levelCounts;
        this.levelCoefficients = levelCoefficients;
        this.globalCoefficient = globalCoefficient;
    }

    boolean isGlobal() {
        return levelItems.length == 0;
    }
}

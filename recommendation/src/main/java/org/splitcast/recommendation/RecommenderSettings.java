package org.splitcast.recommendation;

/**
 * The knobs of a {@link RecommendationModel}, fixed when it is built. {@link #defaults()} gives
 * values that suit a catalogue of thousands of contents and tens of views per subscriber; the
 * {@code with…} methods change one value. Every value is validated here, with a message naming it.
 *
 * @param neighbours how many most similar contents each content keeps (M, 1..1000)
 * @param historyWindow how many of a subscriber's most recent views count, both when
 *     co-views are counted at build time and when a list is scored (H, 1..10000): a heavy viewer
 *     costs at most H² at build time and H × M per request
 * @param recencyHalfLife after how many more recent views a view weighs half as much (&gt; 0)
 * @param terminalWeight how much more a view weighs when it was made on the terminal a list is
 *     asked for (&ge; 1; 1 ignores terminals)
 * @param popularityWeight the share of segment popularity in the blend, the rest being co-views
 *     (0..1); a subscriber without history is served popularity alone whatever this is
 * @param shrinkage the co-view support at which a similarity keeps half its cosine: cosine ×
 *     c / (c + shrinkage) for c subscribers who viewed both (&ge; 0)
 * @param minSegmentViews how many views a segment needs to have its own popularity; below that it
 *     backs off to the coarser segment, then to the whole population (&ge; 0)
 * @param segmentSmoothing the weight, in views, of the coarser level's popularity mixed into a
 *     segment's own counts (additive smoothing toward the parent, &ge; 0)
 * @param segmentDepth how many most viewed contents each segment keeps (1..1000000); the rest of
 *     its catalogue scores by the coarser levels
 * @param excludeViewed whether contents the subscriber already viewed are left out of lists
 */
public record RecommenderSettings(
        int neighbours,
        int historyWindow,
        double recencyHalfLife,
        double terminalWeight,
        double popularityWeight,
        double shrinkage,
        int minSegmentViews,
        double segmentSmoothing,
        int segmentDepth,
        boolean excludeViewed) {

    public RecommenderSettings {
        range("neighbours", neighbours, 1, 1000);
        range("historyWindow", historyWindow, 1, 10_000);
        if (!(recencyHalfLife > 0) || Double.isInfinite(recencyHalfLife)) {
            throw new IllegalArgumentException(
                    "recencyHalfLife must be a positive number of views, was " + recencyHalfLife);
        }
        if (!(terminalWeight >= 1) || Double.isInfinite(terminalWeight)) {
            throw new IllegalArgumentException("terminalWeight must be at least 1, was " + terminalWeight);
        }
        if (!(popularityWeight >= 0 && popularityWeight <= 1)) {
            throw new IllegalArgumentException("popularityWeight must be between 0 and 1, was " + popularityWeight);
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException("shrinkage must be at least 0, was " + shrinkage);
        }
        range("minSegmentViews", minSegmentViews, 0, Integer.MAX_VALUE);
        if (!(segmentSmoothing >= 0) || Double.isInfinite(segmentSmoothing)) {
            throw new IllegalArgumentException("segmentSmoothing must be at least 0, was " + segmentSmoothing);
        }
        range("segmentDepth", segmentDepth, 1, 1_000_000);
    }

    /** M = 50 neighbours, H = 50 views, half-life 10 views, terminal × 2, 20% popularity, … */
    public static RecommenderSettings defaults() {
        return new RecommenderSettings(50, 50, 10, 2, 0.2, 10, 500, 200, 500, true);
    }

    public RecommenderSettings withNeighbours(int value) {
        return new RecommenderSettings(
                value,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withHistoryWindow(int value) {
        return new RecommenderSettings(
                neighbours,
                value,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withRecencyHalfLife(double value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                value,
                terminalWeight,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withTerminalWeight(double value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                value,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withPopularityWeight(double value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                value,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withShrinkage(double value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                value,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withMinSegmentViews(int value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                shrinkage,
                value,
                segmentSmoothing,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withSegmentSmoothing(double value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                value,
                segmentDepth,
                excludeViewed);
    }

    public RecommenderSettings withSegmentDepth(int value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                value,
                excludeViewed);
    }

    public RecommenderSettings withExcludeViewed(boolean value) {
        return new RecommenderSettings(
                neighbours,
                historyWindow,
                recencyHalfLife,
                terminalWeight,
                popularityWeight,
                shrinkage,
                minSegmentViews,
                segmentSmoothing,
                segmentDepth,
                value);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}

package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Settings are checked when made, with a message naming the setting and the value. */
class RecommenderSettingsTest {

    private static final RecommenderSettings DEFAULTS = RecommenderSettings.defaults();

    @Test
    void outOfRangeValuesAreRejectedWithTheirName() {
        rejected("neighbours must be between 1 and 1000, was 0", () -> DEFAULTS.withNeighbours(0));
        rejected("historyWindow must be between 1 and 10000, was 10001", () -> DEFAULTS.withHistoryWindow(10_001));
        rejected("recencyHalfLife must be a positive number of views, was 0.0", () -> DEFAULTS.withRecencyHalfLife(0));
        rejected("terminalWeight must be at least 1, was 0.5", () -> DEFAULTS.withTerminalWeight(0.5));
        rejected("popularityWeight must be between 0 and 1, was NaN", () -> DEFAULTS.withPopularityWeight(Double.NaN));
        rejected("shrinkage must be at least 0, was -1.0", () -> DEFAULTS.withShrinkage(-1));
        rejected("minSegmentViews must be between 0 and 2147483647, was -1", () -> DEFAULTS.withMinSegmentViews(-1));
        rejected("segmentSmoothing must be at least 0, was -2.0", () -> DEFAULTS.withSegmentSmoothing(-2));
        rejected("segmentDepth must be between 1 and 1000000, was 0", () -> DEFAULTS.withSegmentDepth(0));
    }

    @Test
    void withersChangeOneValue() {
        RecommenderSettings changed = DEFAULTS.withNeighbours(20).withExcludeViewed(false);
        assertEquals(20, changed.neighbours());
        assertEquals(false, changed.excludeViewed());
        assertEquals(DEFAULTS.historyWindow(), changed.historyWindow());
        assertEquals(DEFAULTS.popularityWeight(), changed.popularityWeight());
    }

    private static void rejected(String message, Supplier<RecommenderSettings> make) {
        assertEquals(
                message, assertThrows(IllegalArgumentException.class, make::get).getMessage());
    }
}

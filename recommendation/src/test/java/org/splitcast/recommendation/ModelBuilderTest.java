package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build on a database small enough to compute by hand. */
class ModelBuilderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");

    /** A and B co-viewed twice, A and C once; D never viewed. */
    private static RecommendationModel.Builder tiny() {
        RecommendationModel.Builder builder = RecommendationModel.builder();
        for (String c : List.of("D", "C", "B", "A")) {
            builder.addContent(c);
        }
        builder.addPackage("all", List.of("A", "B", "C", "D"));
        for (String u : List.of("u1", "u2", "u3", "me")) {
            builder.addSubscriber(u, Segment.UNKNOWN).entitlePackage(u, "all");
        }
        builder.addView("u1", null, "A", T0).addView("u1", null, "B", T0.plusSeconds(1));
        builder.addView("u2", null, "B", T0).addView("u2", null, "A", T0.plusSeconds(1));
        builder.addView("u3", null, "A", T0).addView("u3", null, "C", T0.plusSeconds(1));
        builder.addView("me", null, "A", T0);
        return builder;
    }

    @Test
    void coViewScoresAreShrunkCosines() {
        RecommendationModel model = tiny().build(
                        RecommenderSettings.defaults().withPopularityWeight(0).withShrinkage(0));
        List<Recommendation> list = model.recommend("me", null, 3);
        // A was viewed by 4 (me included), B by 2, C by 1: cos(A,B) = 2/sqrt(8), cos(A,C) = 1/sqrt(4)
        assertEquals(List.of("B", "C", "D"), Fixtures.ids(list));
        assertEquals(2 / Math.sqrt(8), list.get(0).score(), 1e-6);
        assertEquals(0.5, list.get(1).score(), 1e-6);
        assertEquals(0, list.get(2).score(), 0);
        assertEquals(Recommendation.Reason.CO_VIEW, list.get(0).reason());

        RecommendationModel shrunk = tiny().build(
                        RecommenderSettings.defaults().withPopularityWeight(0).withShrinkage(2));
        List<Recommendation> shrunkList = shrunk.recommend("me", null, 3);
        assertEquals(2 / Math.sqrt(8) * 2 / (2 + 2), shrunkList.get(0).score(), 1e-6);
        assertEquals(0.5 * 1 / (1 + 2), shrunkList.get(1).score(), 1e-6);
    }

    @Test
    void neighboursAreCappedAtM() {
        RecommendationModel model = tiny().build(
                        RecommenderSettings.defaults().withPopularityWeight(0).withNeighbours(1));
        List<Recommendation> list = model.recommend("me", null, 3);
        // A keeps only B: C falls back to a zero score, tied with D and ordered by id
        assertEquals(List.of("B", "C", "D"), Fixtures.ids(list));
        assertEquals(0, list.get(1).score(), 0);
    }

    @Test
    void tiesBreakByContentId() {
        RecommendationModel model = tiny().build(RecommenderSettings.defaults().withPopularityWeight(0));
        model.addSubscriber("newcomer", Segment.UNKNOWN);
        model.setEntitlements("newcomer", List.of(), List.of("all"));
        // no history and no popularity share: every score is 0
        assertEquals(List.of("A", "B", "C", "D"), Fixtures.ids(model.recommend("newcomer", null, 4)));
    }

    @Test
    void referencesToContentsNeverAddedAreIgnoredAndCounted() {
        RecommendationModel.Builder builder = tiny();
        builder.addPackage("all", List.of("ghost-1"));
        builder.entitleContent("me", "ghost-2");
        builder.entitlePackage("me", "ghost-package");
        builder.addView("me", null, "ghost-3", T0.plusSeconds(5));
        builder.addView("walk-in", "walk-in-tv", "B", T0);
        RecommendationModel model = builder.build(RecommenderSettings.defaults());
        assertEquals(4, model.stats().ignoredReferences());
        assertEquals(4, model.stats().contents());
        assertEquals(8, model.stats().views());
        assertTrue(model.hasSubscriber("walk-in"), "named by a view: added");
        assertFalse(model.hasContent("ghost-3"));
        assertEquals(List.of(), model.recommend("walk-in", null, 5), "entitled to nothing");
    }

    @Test
    void historyIsOrderedByTimeWhateverTheOrderOfAddition() {
        RecommendationModel.Builder forward = tiny();
        RecommendationModel.Builder backward = tiny();
        forward.addView("me", "tv", "B", T0.plusSeconds(10)).addView("me", "tv", "C", T0.plusSeconds(20));
        backward.addView("me", "tv", "C", T0.plusSeconds(20)).addView("me", "tv", "B", T0.plusSeconds(10));
        RecommenderSettings settings = RecommenderSettings.defaults().withExcludeViewed(false);
        assertEquals(
                forward.build(settings).recommend("me", "tv", 4),
                backward.build(settings).recommend("me", "tv", 4));
    }
}

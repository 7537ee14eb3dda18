package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/** A subscriber without history is served popularity: their segment's, else everyone's. */
class ColdStartTest {

    private static final SyntheticPopulation POPULATION = Fixtures.POPULATION;

    @Test
    void subscriberWithoutHistoryGetsTheirSegmentsPopularContents() {
        RecommendationModel model = Fixtures.freshModel();
        int clusters = POPULATION.config().clusters();
        int ownTotal = 0;
        Map<Integer, List<String>> lists = new HashMap<>();
        for (int cluster = 0; cluster < clusters; cluster++) {
            String id = "newcomer-" + cluster;
            model.addSubscriber(id, POPULATION.typicalSegment(cluster, 0));
            model.setEntitlements(id, List.of(), List.of(SyntheticPopulation.ALL_PACKAGE));
            List<Recommendation> list = model.recommend(id, null, 10);
            assertEquals(10, list.size());
            int own = 0;
            for (Recommendation r : list) {
                if (POPULATION.contentCluster(r.contentId()) == cluster) {
                    own++;
                }
                assertEquals(Recommendation.Reason.SEGMENT_POPULAR, r.reason(), r.toString());
            }
            assertTrue(own >= 6, "cluster " + cluster + ": only " + own + " of its segment's contents");
            ownTotal += own;
            lists.put(cluster, Fixtures.ids(list));
        }
        assertTrue(ownTotal >= 0.8 * 10 * clusters, "own-segment contents overall: " + ownTotal);
        assertNotEquals(lists.get(0), lists.get(1), "segments get their own lists");
    }

    @Test
    void segmentPopularContentsRankAboveContentsPopularOnlyElsewhere() {
        RecommendationModel model = Fixtures.freshModel();
        // in the test's own count: the most viewed by subscribers of segment A, and those of B
        Segment a = POPULATION.typicalSegment(3, 1);
        Segment b = POPULATION.typicalSegment(8, 1);
        Map<String, Integer> viewersA = new HashMap<>();
        Map<String, Integer> viewersB = new HashMap<>();
        for (String id : POPULATION.subscriberIds()) {
            Segment segment = POPULATION.segment(id);
            Map<String, Integer> counts = segment.equals(a) ? viewersA : segment.equals(b) ? viewersB : null;
            if (counts != null) {
                Fixtures.viewed(POPULATION, id).forEach(c -> counts.merge(c, 1, Integer::sum));
            }
        }
        model.addSubscriber("newcomer-a", a);
        model.setEntitlements("newcomer-a", List.of(), List.of(SyntheticPopulation.ALL_PACKAGE));
        List<String> list = Fixtures.ids(model.recommend("newcomer-a", null, 100));
        // B's ten most viewed that A's subscribers hardly watch
        List<String> onlyB = viewersB.entrySet().stream()
                .filter(e -> viewersA.getOrDefault(e.getKey(), 0) * 5 < e.getValue())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(10)
                .map(Map.Entry::getKey)
                .toList();
        List<String> topA = viewersA.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(10)
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(10, onlyB.size());
        int worstA = 0;
        for (String content : topA) {
            int rank = list.indexOf(content);
            assertTrue(rank >= 0, content + " (popular in A) is in A's list");
            worstA = Math.max(worstA, rank);
        }
        for (String content : onlyB) {
            int rank = list.indexOf(content);
            assertTrue(rank < 0 || rank > worstA, content + " (popular only in B) ranks below A's top 10");
        }
    }

    @Test
    void unknownSegmentGetsGlobalPopularity() {
        RecommendationModel model = Fixtures.freshModel();
        model.addSubscriber("anonymous", Segment.UNKNOWN);
        model.setEntitlements("anonymous", List.of(), List.of(SyntheticPopulation.ALL_PACKAGE));
        List<Recommendation> list = model.recommend("anonymous", null, 20);
        List<String> expected =
                Fixtures.byPopularity(POPULATION, Fixtures.viewers(POPULATION)).subList(0, 20);
        assertEquals(expected, Fixtures.ids(list));
        list.forEach(r -> assertEquals(Recommendation.Reason.POPULAR, r.reason()));
        // a segment the build never saw backs off the same way
        model.addSubscriber("stranger", new Segment("65+", "ZZ", "standard"));
        model.setEntitlements("stranger", List.of(), List.of(SyntheticPopulation.ALL_PACKAGE));
        assertEquals(expected, Fixtures.ids(model.recommend("stranger", null, 20)));
    }
}

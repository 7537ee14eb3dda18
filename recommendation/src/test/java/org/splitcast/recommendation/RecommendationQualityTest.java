package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/** What the engine is for: on a seeded population, it predicts the next pick better than popularity. */
class RecommendationQualityTest {

    private static final SyntheticPopulation POPULATION = Fixtures.POPULATION;

    @Test
    void ownClusterContentsRankAboveOtherClusters() {
        RecommendationModel model = Fixtures.sharedModel();
        List<String> byPopularity = Fixtures.byPopularity(POPULATION, Fixtures.viewers(POPULATION));
        int subscribers = POPULATION.subscriberCount();
        int ownInTop10 = 0;
        int ownInBaseline = 0;
        int firstIsOwn = 0;
        long rankSumOwn = 0;
        long countOwn = 0;
        long rankSumOther = 0;
        long countOther = 0;
        for (String id : POPULATION.subscriberIds()) {
            int cluster = POPULATION.cluster(id);
            List<Recommendation> list = model.recommend(id, null, 30);
            for (int rank = 0; rank < list.size(); rank++) {
                boolean own = POPULATION.contentCluster(list.get(rank).contentId()) == cluster;
                if (own && rank < 10) {
                    ownInTop10++;
                }
                if (own) {
                    rankSumOwn += rank;
                    countOwn++;
                } else {
                    rankSumOther += rank;
                    countOther++;
                }
            }
            if (POPULATION.contentCluster(list.get(0).contentId()) == cluster) {
                firstIsOwn++;
            }
            for (String content : Fixtures.popularityBaseline(POPULATION, byPopularity, id, 10)) {
                if (POPULATION.contentCluster(content) == cluster) {
                    ownInBaseline++;
                }
            }
        }
        double ownShare = ownInTop10 / (10.0 * subscribers);
        double baselineShare = ownInBaseline / (10.0 * subscribers);
        System.out.printf(
                "own-cluster share of top-10: engine %.3f, popularity %.3f (chance %.3f)%n",
                ownShare, baselineShare, 1.0 / POPULATION.config().clusters());
        assertTrue(ownShare > 0.7, "most of a subscriber's top 10 is in their own cluster: " + ownShare);
        assertTrue(ownShare > 3 * baselineShare, "far more than popularity: " + ownShare + " vs " + baselineShare);
        assertTrue(
                firstIsOwn > 0.85 * subscribers,
                "the first recommendation is in the own cluster for most: " + firstIsOwn);
        assertTrue(
                (double) rankSumOwn / countOwn < (double) rankSumOther / countOther,
                "own-cluster contents rank higher on average in the top 30");
    }

    @Test
    void beatsPopularityBaselineOnHeldOutPicks() {
        RecommendationModel model = Fixtures.sharedModel();
        List<String> byPopularity = Fixtures.byPopularity(POPULATION, Fixtures.viewers(POPULATION));
        int evaluated = 0;
        int engineHits = 0;
        int baselineHits = 0;
        for (String id : POPULATION.subscriberIds()) {
            var heldOut = POPULATION.heldOut(id);
            if (heldOut.isEmpty()) {
                continue;
            }
            String pick = heldOut.get().contentId();
            evaluated++;
            if (Fixtures.ids(model.recommend(id, null, 10)).contains(pick)) {
                engineHits++;
            }
            if (Fixtures.popularityBaseline(POPULATION, byPopularity, id, 10).contains(pick)) {
                baselineHits++;
            }
        }
        double engine = engineHits / (double) evaluated;
        double baseline = baselineHits / (double) evaluated;
        System.out.printf(
                "hit-rate@10 on %d held-out picks: engine %.4f, popularity %.4f%n", evaluated, engine, baseline);
        assertTrue(evaluated > 0.9 * POPULATION.subscriberCount(), "nearly every subscriber has a held-out pick");
        assertTrue(engine > 1.5 * baseline, "engine " + engine + " vs popularity " + baseline);
        assertTrue(engine - baseline > 0.1, "by at least 10 points: " + engine + " vs " + baseline);
    }

    @Test
    void sameSeedSameLists() {
        SyntheticPopulation.Config config = SyntheticPopulation.Config.of(1500, 400, 99);
        SyntheticPopulation population = SyntheticPopulation.generate(config);
        RecommendationModel first = population.build(RecommenderSettings.defaults());
        RecommendationModel second = SyntheticPopulation.generate(config).build(RecommenderSettings.defaults());
        RecommendationModel otherSeed =
                SyntheticPopulation.generate(config.withSeed(100)).build(RecommenderSettings.defaults());
        int differentFromOtherSeed = 0;
        for (int u = 0; u < config.subscribers(); u++) {
            String id = population.subscriberId(u);
            for (String terminal : new String[] {null, id + "-tv"}) {
                List<Recommendation> a = first.recommend(id, terminal, 20);
                assertEquals(a, second.recommend(id, terminal, 20), "same list for " + id + " on " + terminal);
                if (!Fixtures.ids(a).equals(Fixtures.ids(otherSeed.recommend(id, terminal, 20)))) {
                    differentFromOtherSeed++;
                }
            }
        }
        assertNotEquals(0, differentFromOtherSeed, "another seed gives other lists");
    }

    @Test
    void reasonsSayWhichPartWeighedMost() {
        RecommendationModel model = Fixtures.sharedModel();
        Map<Recommendation.Reason, Integer> counts = new java.util.EnumMap<>(Recommendation.Reason.class);
        for (int u = 0; u < 200; u++) {
            for (Recommendation r : model.recommend(POPULATION.subscriberId(u), null, 100)) {
                counts.merge(r.reason(), 1, Integer::sum);
            }
        }
        // with a history, the top of a list is mostly co-views; popularity fills in
        assertTrue(counts.getOrDefault(Recommendation.Reason.CO_VIEW, 0) > 0, counts.toString());
        assertTrue(counts.getOrDefault(Recommendation.Reason.SEGMENT_POPULAR, 0) > 0, counts.toString());
        int coViewFirst = 0;
        for (int u = 0; u < 200; u++) {
            if (model.recommend(POPULATION.subscriberId(u), null, 1).get(0).reason() == Recommendation.Reason.CO_VIEW) {
                coViewFirst++;
            }
        }
        assertTrue(coViewFirst > 150, "the first entry is mostly a co-view: " + coViewFirst);
    }
}

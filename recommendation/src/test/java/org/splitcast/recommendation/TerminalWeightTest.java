package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/** A list asked for one terminal leans toward what was watched on that terminal. */
class TerminalWeightTest {

    private static final SyntheticPopulation POPULATION = Fixtures.POPULATION;
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");
    private static final int TV_CLUSTER = 2;
    private static final int PHONE_CLUSTER = 7;

    /** A household: the TV watches cluster 2, the phone cluster 7, in turns, the phone last. */
    private static RecommendationModel household(RecommenderSettings settings) {
        RecommendationModel model = POPULATION.build(settings);
        model.addSubscriber("household", Segment.UNKNOWN);
        model.setEntitlements("household", List.of(), List.of(SyntheticPopulation.ALL_PACKAGE));
        List<String> tv = POPULATION.clusterContents(TV_CLUSTER);
        List<String> phone = POPULATION.clusterContents(PHONE_CLUSTER);
        for (int k = 0; k < 4; k++) {
            model.recordView("household", "household-tv", tv.get(k), LATER.plusSeconds(120L * k));
            model.recordView("household", "household-phone", phone.get(k), LATER.plusSeconds(120L * k + 60));
        }
        return model;
    }

    private static String clusters(List<Recommendation> list) {
        return list.stream()
                .map(r -> POPULATION.contentCluster(r.contentId()) + ":" + r.reason())
                .toList()
                .toString();
    }

    /** The rank of the list's first content of the cluster, or the list's size. */
    private static int firstOf(List<Recommendation> list, int cluster) {
        for (int k = 0; k < list.size(); k++) {
            if (POPULATION.contentCluster(list.get(k).contentId()) == cluster) {
                return k;
            }
        }
        return list.size();
    }

    private static int inCluster(List<Recommendation> list, int cluster) {
        return (int) list.stream()
                .filter(r -> POPULATION.contentCluster(r.contentId()) == cluster)
                .count();
    }

    @Test
    void viewsOnTheAskingTerminalWeighMore() {
        RecommendationModel model = household(RecommenderSettings.defaults());
        List<Recommendation> household = model.recommend("household", null, 10);
        List<Recommendation> tv = model.recommend("household", "household-tv", 10);
        List<Recommendation> phone = model.recommend("household", "household-phone", 10);

        // the phone watched last: without a terminal, its cluster leads
        assertTrue(
                inCluster(household, PHONE_CLUSTER) > inCluster(household, TV_CLUSTER),
                "household " + clusters(household));
        assertTrue(
                firstOf(household, PHONE_CLUSTER) < firstOf(household, TV_CLUSTER), "household " + clusters(household));
        // asked for the tv, the order turns over
        assertTrue(inCluster(tv, TV_CLUSTER) >= 6, "tv " + clusters(tv));
        assertTrue(inCluster(tv, TV_CLUSTER) > inCluster(tv, PHONE_CLUSTER), "tv " + clusters(tv));
        assertTrue(firstOf(tv, TV_CLUSTER) < firstOf(tv, PHONE_CLUSTER), "tv " + clusters(tv));
        assertTrue(inCluster(phone, PHONE_CLUSTER) >= inCluster(household, PHONE_CLUSTER), "phone " + clusters(phone));
        assertNotEquals(Fixtures.ids(tv), Fixtures.ids(phone));
        // a terminal with no views is the household's list
        assertEquals(household, model.recommend("household", "household-car", 10));
    }

    @Test
    void weightOneIgnoresTerminals() {
        RecommendationModel model = household(RecommenderSettings.defaults().withTerminalWeight(1));
        List<Recommendation> household = model.recommend("household", null, 10);
        assertEquals(household, model.recommend("household", "household-tv", 10));
        assertEquals(household, model.recommend("household", "household-phone", 10));
    }
}

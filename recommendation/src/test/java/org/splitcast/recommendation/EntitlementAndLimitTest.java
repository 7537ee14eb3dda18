package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/** Lists hold only what the subscriber may watch and has not watched, and never more than asked. */
class EntitlementAndLimitTest {

    private static final SyntheticPopulation POPULATION = Fixtures.POPULATION;

    @Test
    void nothingNotEntitledIsEverReturned() {
        RecommendationModel model = Fixtures.sharedModel();
        int restricted = 0;
        for (String id : POPULATION.subscriberIds()) {
            List<Recommendation> list = model.recommend(id, null, 100);
            assertEquals(100, list.size(), id);
            for (Recommendation r : list) {
                assertTrue(POPULATION.isEntitled(id, r.contentId()), id + " is not entitled to " + r.contentId());
            }
            if (!POPULATION.packagesOf(id).contains(SyntheticPopulation.ALL_PACKAGE)) {
                restricted++;
            }
        }
        assertTrue(restricted > POPULATION.subscriberCount() / 4, "the population has restricted subscribers");
    }

    @Test
    void directPurchasesAndPackagesAreBothHonoured() {
        RecommendationModel model = Fixtures.freshModel();
        List<String> genre0 = POPULATION.packages().get("pkg-0");
        String bought = POPULATION.packages().get("pkg-1").get(0);
        model.addSubscriber("collector", Segment.UNKNOWN);
        model.setEntitlements("collector", List.of(bought), List.of("pkg-0"));
        List<String> list = Fixtures.ids(model.recommend("collector", null, 100));
        assertEquals(100, list.size());
        for (String content : list) {
            assertTrue(genre0.contains(content) || content.equals(bought), content);
        }
        // revoking the package leaves the one purchase
        model.setEntitlements("collector", List.of(bought, "no-such-content"), List.of());
        assertEquals(List.of(bought), Fixtures.ids(model.recommend("collector", null, 10)));
        model.setEntitlements("collector", List.of(), List.of());
        assertEquals(List.of(), model.recommend("collector", null, 10));
    }

    @Test
    void viewedContentsAreExcludedByDefault() {
        RecommendationModel model = Fixtures.sharedModel();
        for (String id : POPULATION.subscriberIds()) {
            Set<String> viewed = Fixtures.viewed(POPULATION, id);
            for (Recommendation r : model.recommend(id, null, 100)) {
                assertFalse(viewed.contains(r.contentId()), id + " already viewed " + r.contentId());
            }
        }
    }

    @Test
    void viewedContentsMayBeListedWhenConfigured() {
        RecommendationModel model =
                POPULATION.build(RecommenderSettings.defaults().withExcludeViewed(false));
        int listsWithViewed = 0;
        for (int u = 0; u < 500; u++) {
            String id = POPULATION.subscriberId(u);
            Set<String> viewed = Fixtures.viewed(POPULATION, id);
            if (model.recommend(id, null, 20).stream().anyMatch(r -> viewed.contains(r.contentId()))) {
                listsWithViewed++;
            }
        }
        assertTrue(listsWithViewed > 250, "viewed contents come back when allowed: " + listsWithViewed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 10, 100})
    void limitIsHonoured(int limit) {
        RecommendationModel model = Fixtures.sharedModel();
        for (int u = 0; u < 200; u++) {
            List<Recommendation> list = model.recommend(POPULATION.subscriberId(u), null, limit);
            assertEquals(limit, list.size());
            assertEquals(limit, new HashSet<>(Fixtures.ids(list)).size(), "no duplicates");
            for (int k = 1; k < list.size(); k++) {
                assertTrue(list.get(k - 1).score() >= list.get(k).score(), "best first");
            }
        }
    }

    @Test
    void fewerThanTheLimitWhenFewerAreEntitled() {
        RecommendationModel model = Fixtures.freshModel();
        List<String> three = POPULATION.contentIds().subList(10, 13);
        model.addSubscriber("few", Segment.UNKNOWN);
        model.setEntitlements("few", three, List.of());
        assertEquals(Set.copyOf(three), Set.copyOf(Fixtures.ids(model.recommend("few", null, 100))));
        model.recordView("few", null, three.get(0), SyntheticPopulation.EPOCH);
        assertEquals(Set.copyOf(three.subList(1, 3)), Set.copyOf(Fixtures.ids(model.recommend("few", null, 100))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
    void outOfRangeLimitsAreRejected(int limit) {
        RecommendationModel model = Fixtures.sharedModel();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> model.recommend(POPULATION.subscriberId(0), null, limit));
        assertEquals("limit must be between 1 and 100, was " + limit, e.getMessage());
        // also for a subscriber the model does not know
        assertThrows(IllegalArgumentException.class, () -> model.recommend("nobody", null, limit));
    }

    @Test
    void unknownSubscriberGetsAnEmptyList() {
        assertEquals(List.of(), Fixtures.sharedModel().recommend("nobody", null, 10));
    }
}

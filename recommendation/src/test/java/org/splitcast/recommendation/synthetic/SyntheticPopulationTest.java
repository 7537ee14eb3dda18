package org.splitcast.recommendation.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.splitcast.recommendation.Segment;

class SyntheticPopulationTest {

    private static final SyntheticPopulation.Config CONFIG =
            SyntheticPopulation.Config.of(2000, 1000, 21).withClusters(10);
    private static final SyntheticPopulation POPULATION = SyntheticPopulation.generate(CONFIG);

    @Test
    void sameSeedSamePopulation() {
        SyntheticPopulation again = SyntheticPopulation.generate(CONFIG);
        SyntheticPopulation other = SyntheticPopulation.generate(CONFIG.withSeed(22));
        int differences = 0;
        for (String id : POPULATION.subscriberIds()) {
            assertEquals(POPULATION.history(id), again.history(id));
            assertEquals(POPULATION.heldOut(id), again.heldOut(id));
            assertEquals(POPULATION.segment(id), again.segment(id));
            assertEquals(POPULATION.packagesOf(id), again.packagesOf(id));
            if (!POPULATION.history(id).equals(other.history(id))) {
                differences++;
            }
        }
        assertTrue(differences > 1900, "another seed, other histories: " + differences);
    }

    @Test
    void historiesAreDistinctEntitledAndInTimeOrderWithTheLastPickHeldOut() {
        long total = 0;
        for (String id : POPULATION.subscriberIds()) {
            List<SyntheticPopulation.View> history = POPULATION.history(id);
            SyntheticPopulation.View last = POPULATION.heldOut(id).orElseThrow();
            Set<String> contents = new HashSet<>();
            for (int k = 0; k < history.size(); k++) {
                SyntheticPopulation.View view = history.get(k);
                assertEquals(id, view.subscriberId());
                assertTrue(contents.add(view.contentId()), "viewed twice: " + view);
                assertTrue(POPULATION.isEntitled(id, view.contentId()), "not entitled: " + view);
                assertTrue(POPULATION.terminals(id).contains(view.terminalId()), view.terminalId());
                if (k > 0) {
                    assertTrue(history.get(k - 1).at().isBefore(view.at()));
                }
            }
            assertFalse(contents.contains(last.contentId()), "the held-out pick is new");
            assertTrue(history.isEmpty() || history.get(history.size() - 1).at().isBefore(last.at()));
            total += history.size() + 1;
        }
        double mean = total / (double) POPULATION.subscriberCount();
        assertEquals(CONFIG.meanViews(), mean, 2.0, "mean views per subscriber");
    }

    @Test
    void viewsComeMostlyFromTheOwnClusterAndDemographicsFollowIt() {
        long own = 0;
        long views = 0;
        int typical = 0;
        for (String id : POPULATION.subscriberIds()) {
            int cluster = POPULATION.cluster(id);
            for (SyntheticPopulation.View view : POPULATION.history(id)) {
                views++;
                if (POPULATION.contentCluster(view.contentId()) == cluster) {
                    own++;
                }
            }
            Segment segment = POPULATION.segment(id);
            Segment expected = POPULATION.typicalSegment(cluster, 0);
            if (segment.ageBand().equals(expected.ageBand())
                    && segment.country().equals(expected.country())) {
                typical++;
            }
        }
        double ownShare = own / (double) views;
        // 80% drawn from the own cluster, plus the own cluster's share (1/10) of the global draws
        assertTrue(ownShare > 0.75 && ownShare < 0.9, "own-cluster share " + ownShare);
        double typicalShare = typical / (double) POPULATION.subscriberCount();
        // both parts typical: at least 0.8 × 0.8
        assertTrue(typicalShare > 0.6 && typicalShare < 0.75, "typical demographics " + typicalShare);
    }

    @Test
    void nextPickFollowsTheDisplayedListWithProbabilityP() {
        String id = POPULATION.subscriberId(0);
        List<String> displayed = POPULATION
                .clusterContents((POPULATION.cluster(id) + 1) % CONFIG.clusters())
                .subList(0, 10);
        SplittableRandom random = new SplittableRandom(5);
        int fromList = 0;
        int firstOfList = 0;
        int ownCluster = 0;
        int draws = 4000;
        Set<String> history = new HashSet<>();
        POPULATION.history(id).forEach(v -> history.add(v.contentId()));
        POPULATION.heldOut(id).ifPresent(v -> history.add(v.contentId()));
        for (int k = 0; k < draws; k++) {
            String pick = POPULATION.nextPick(id, displayed, 0.3, random);
            if (displayed.contains(pick)) {
                fromList++;
                if (pick.equals(displayed.get(0))) {
                    firstOfList++;
                }
            } else {
                assertFalse(history.contains(pick), "picked elsewhere: not viewed before");
                assertTrue(POPULATION.isEntitled(id, pick));
                if (POPULATION.contentCluster(pick) == POPULATION.cluster(id)) {
                    ownCluster++;
                }
            }
        }
        assertEquals(0.3, fromList / (double) draws, 0.05, "share picked from the list");
        assertTrue(firstOfList > fromList / 5, "the top of the list is picked most: " + firstOfList);
        assertTrue(ownCluster > 0.7 * (draws - fromList), "elsewhere, mostly the own cluster");

        List<String> first = picks(id, displayed, 77);
        assertEquals(first, picks(id, displayed, 77), "same seed, same picks");
        assertNotEquals(first, picks(id, displayed, 78));
        assertEquals(
                List.of(),
                picks(id, List.of(), 1).stream().filter(displayed::contains).toList());
        assertThrows(IllegalArgumentException.class, () -> POPULATION.nextPick(id, displayed, 1.5, random));
    }

    private static List<String> picks(String id, List<String> displayed, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return java.util.stream.IntStream.range(0, 50)
                .mapToObj(k -> POPULATION.nextPick(id, displayed, 0.5, random))
                .toList();
    }
}

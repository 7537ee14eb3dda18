package org.splitcast.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/** Between builds, views, entitlements and subscribers change the lists at once, safely. */
class IncrementalUpdateTest {

    private static final SyntheticPopulation POPULATION = Fixtures.POPULATION;
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

    /** A full-access subscriber of cluster 0. */
    private static String fullAccessSubscriberOf(int cluster) {
        for (String id : POPULATION.subscriberIds()) {
            if (POPULATION.cluster(id) == cluster
                    && POPULATION.packagesOf(id).contains(SyntheticPopulation.ALL_PACKAGE)) {
                return id;
            }
        }
        throw new AssertionError("no full-access subscriber in cluster " + cluster);
    }

    private static int inCluster(List<Recommendation> list, int cluster) {
        return (int) list.stream()
                .filter(r -> POPULATION.contentCluster(r.contentId()) == cluster)
                .count();
    }

    @Test
    void recordedViewsOfAnotherClusterShiftTheList() {
        RecommendationModel model = Fixtures.freshModel();
        String id = fullAccessSubscriberOf(0);
        int other = 5;
        int before = inCluster(model.recommend(id, null, 10), other);

        List<String> watched = new ArrayList<>();
        for (String content : POPULATION.clusterContents(other)) {
            if (!Fixtures.viewed(POPULATION, id).contains(content)) {
                watched.add(content);
                assertTrue(model.recordView(id, id + "-tv", content, LATER.plusSeconds(60L * watched.size())));
                if (watched.size() == 8) {
                    break;
                }
            }
        }
        List<Recommendation> after = model.recommend(id, null, 10);
        int shifted = inCluster(after, other);
        assertTrue(before <= 2, "before: " + before);
        assertTrue(shifted >= 6, "after 8 views of cluster " + other + ": " + shifted + " of 10");
        for (Recommendation r : after) {
            assertFalse(watched.contains(r.contentId()), "just watched: " + r.contentId());
        }
        assertEquals(8, model.stats().recordedViews());
    }

    @Test
    void viewsRecordedOutOfOrderGiveTheSameListAsInOrder() {
        RecommendationModel inOrder = Fixtures.freshModel();
        RecommendationModel shuffled = Fixtures.freshModel();
        String id = fullAccessSubscriberOf(2);
        List<String> contents = POPULATION.clusterContents(7).subList(0, 12);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < contents.size(); k++) {
            inOrder.recordView(id, null, contents.get(k), LATER.plusSeconds(k));
            order.add(k);
        }
        Collections.shuffle(order, new Random(3));
        for (int k : order) {
            shuffled.recordView(id, null, contents.get(k), LATER.plusSeconds(k));
        }
        assertEquals(inOrder.recommend(id, null, 50), shuffled.recommend(id, null, 50));
        // an old view is placed by its time: it does not count as the most recent one
        RecommendationModel old = Fixtures.freshModel();
        for (int k = 0; k < contents.size(); k++) {
            old.recordView(id, null, contents.get(k), LATER.plusSeconds(k));
        }
        String ancient = POPULATION.clusterContents(9).get(0);
        old.recordView(id, null, ancient, Instant.EPOCH);
        assertFalse(Fixtures.ids(old.recommend(id, null, 100)).contains(ancient), "viewed, however long ago");
    }

    @Test
    void unknownSubscribersAndContents() {
        RecommendationModel model = Fixtures.freshModel();
        assertFalse(model.recordView("walk-in", null, "content-unknown", LATER), "unknown content: not recorded");
        assertFalse(model.hasSubscriber("walk-in"));

        String content = POPULATION.clusterContents(4).get(0);
        assertTrue(model.recordView("walk-in", "walk-in-tv", content, LATER));
        assertTrue(model.hasSubscriber("walk-in"), "added by its first view");
        assertEquals(List.of(), model.recommend("walk-in", null, 10), "entitled to nothing yet");
        model.setEntitlements("walk-in", List.of(), List.of(SyntheticPopulation.ALL_PACKAGE));
        List<Recommendation> list = model.recommend("walk-in", "walk-in-tv", 10);
        assertEquals(Recommendation.Reason.CO_VIEW, list.get(0).reason());
        assertTrue(inCluster(list, 4) >= 6, "co-viewed with its one view: " + list);

        model.addSubscriber("walk-in", POPULATION.typicalSegment(9, 0));
        List<Recommendation> withSegment = model.recommend("walk-in", null, 10);
        assertTrue(inCluster(withSegment, 4) >= 6, "a new segment keeps the history: " + withSegment);
        assertEquals(Recommendation.Reason.CO_VIEW, withSegment.get(0).reason());
        assertTrue(model.removeSubscriber("walk-in"));
        assertFalse(model.removeSubscriber("walk-in"));
        assertEquals(List.of(), model.recommend("walk-in", null, 10));
    }

    @Test
    void concurrentViewsAndListsStayConsistent() throws Exception {
        RecommendationModel model = Fixtures.freshModel();
        RecommendationModel sequential = Fixtures.freshModel();
        int writers = 3;
        int readers = 3;
        int subscribers = 60;
        int viewsEach = 20;
        List<String> ids = POPULATION.subscriberIds().subList(0, subscribers);
        // each writer records views for its own share of subscribers, on contents they may watch
        List<List<Object[]>> plans = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            plans.add(new ArrayList<>());
        }
        Random random = new Random(11);
        for (int s = 0; s < subscribers; s++) {
            String id = ids.get(s);
            List<String> contents = POPULATION.clusterContents(
                    random.nextInt(POPULATION.config().clusters()));
            for (int v = 0; v < viewsEach; v++) {
                String content = contents.get(random.nextInt(contents.size()));
                if (POPULATION.isEntitled(id, content)) {
                    plans.get(s % writers).add(new Object[] {id, content, LATER.plusSeconds(v * 60L + s)});
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<Object[]> plan = plans.get(w);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        for (Object[] view : plan) {
                            model.recordView((String) view[0], null, (String) view[1], (Instant) view[2]);
                        }
                    } finally {
                        writersDone.countDown();
                    }
                    return plan.size();
                }));
            }
            for (int r = 0; r < readers; r++) {
                int offset = r;
                results.add(pool.submit(() -> {
                    start.await();
                    int lists = 0;
                    // read until every writer is done, then once more
                    do {
                        for (int s = offset; s < subscribers; s += readers) {
                            String id = ids.get(s);
                            assertConsistent(id, model.recommend(id, null, 25));
                            lists++;
                        }
                    } while (writersDone.getCount() > 0);
                    return lists;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }

        // the same views recorded one by one give the same lists
        List<Object[]> all = new ArrayList<>();
        plans.forEach(all::addAll);
        Collections.shuffle(all, new Random(5));
        for (Object[] view : all) {
            sequential.recordView((String) view[0], null, (String) view[1], (Instant) view[2]);
        }
        int changed = 0;
        RecommendationModel untouched = Fixtures.sharedModel();
        for (String id : ids) {
            List<Recommendation> list = model.recommend(id, null, 25);
            assertEquals(sequential.recommend(id, null, 25), list, id);
            if (!list.equals(untouched.recommend(id, null, 25))) {
                changed++;
            }
        }
        assertEquals(all.size(), model.stats().recordedViews());
        assertTrue(changed > subscribers / 2, "the views changed the lists: " + changed);
    }

    private static void assertConsistent(String id, List<Recommendation> list) {
        assertEquals(25, list.size(), id);
        Set<String> seen = new HashSet<>();
        Set<String> viewed = Fixtures.viewed(POPULATION, id);
        for (int k = 0; k < list.size(); k++) {
            Recommendation r = list.get(k);
            assertTrue(seen.add(r.contentId()), "duplicate " + r.contentId());
            assertTrue(POPULATION.isEntitled(id, r.contentId()), "not entitled: " + r.contentId());
            assertFalse(viewed.contains(r.contentId()), "viewed before: " + r.contentId());
            if (k > 0) {
                assertTrue(list.get(k - 1).score() >= r.score(), "best first");
            }
        }
    }

    @Test
    void statsCountWhatTheModelHolds() {
        RecommendationModel model = Fixtures.freshModel();
        RecommendationModel.Stats stats = model.stats();
        assertEquals(POPULATION.contentCount(), stats.contents());
        assertEquals(POPULATION.packages().size(), stats.packages());
        assertEquals(POPULATION.subscriberCount(), stats.subscribers());
        long views = POPULATION.subscriberIds().stream()
                .mapToLong(id -> POPULATION.history(id).size())
                .sum();
        assertEquals(views, stats.views());
        assertEquals(0, stats.ignoredReferences());
        assertTrue(stats.segments() > 0);
        assertTrue(stats.neighbourPairs() > 0 && stats.neighbourPairs() <= 50L * POPULATION.contentCount());
        assertTrue(stats.buildDuration().compareTo(Duration.ZERO) > 0);
        model.addSubscriber("one-more", Segment.UNKNOWN);
        assertEquals(POPULATION.subscriberCount() + 1, model.stats().subscribers());
        assertNotEquals(stats, model.stats());
    }
}

package org.splitcast.license.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayedListsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T19:00:00Z");

    @Test
    void theLongestListShownIsRemembered() {
        DisplayedLists lists = new DisplayedLists();
        assertEquals(0, lists.length("s1"));
        lists.shown("s1", 10, T0);
        lists.shown("s1", 3, T0.plusSeconds(1));
        lists.shown("s2", 500, T0);
        assertEquals(10, lists.length("s1"));
        assertEquals(DisplayedLists.MAX_LENGTH, lists.length("s2"));
        lists.shown("s3", 0, T0);
        assertEquals(0, lists.length("s3"));
    }

    @Test
    void aSubscriberShownMoreThanWasCoveredIsPendingOnce() {
        DisplayedLists lists = new DisplayedLists();
        lists.shown("s1", 10, T0);
        lists.shown("s1", 10, T0.plusSeconds(5));
        lists.shown("s2", 5, T0);
        Map<String, Instant> pending = lists.drainPending();
        assertEquals(Map.of("s1", T0.plusSeconds(5), "s2", T0), pending);
        assertTrue(lists.drainPending().isEmpty(), "drained");

        // the run covered s1's ten: shown ten again, nothing to do; shown twelve, pending again
        lists.covered("s1", 10);
        lists.shown("s1", 10, T0.plusSeconds(10));
        assertTrue(lists.drainPending().isEmpty());
        lists.shown("s1", 12, T0.plusSeconds(20));
        assertEquals(Map.of("s1", T0.plusSeconds(20)), lists.drainPending());
        assertEquals(12, lists.length("s1"));
    }

    @Test
    void aSubscriberCoveredBeforeBeingShownIsPendingOnlyForALongerList() {
        DisplayedLists lists = new DisplayedLists();
        lists.covered("s1", 10);
        assertEquals(0, lists.length("s1"), "covered is not shown");
        lists.shown("s1", 10, T0);
        assertTrue(lists.drainPending().isEmpty(), "the ten shown were covered");
        assertEquals(10, lists.length("s1"));
        lists.shown("s1", 11, T0.plusSeconds(1));
        assertEquals(Map.of("s1", T0.plusSeconds(1)), lists.drainPending());
    }
}

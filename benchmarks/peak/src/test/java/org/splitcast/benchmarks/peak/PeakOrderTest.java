package org.splitcast.benchmarks.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PeakOrderTest {

    private static List<Integer> round(PeakOrder order, int round, int n) {
        List<Integer> subscribers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            subscribers.add(order.subscriberAt((long) round * n + i));
        }
        return subscribers;
    }

    @Test
    void everySubscriberComesOncePerRoundInAnOrderOfItsOwn() {
        PeakOrder order = new PeakOrder(50, 42);
        List<Integer> first = round(order, 0, 50);
        List<Integer> second = round(order, 1, 50);
        List<Integer> everybody = IntStream.range(0, 50).boxed().toList();
        assertEquals(everybody, first.stream().sorted().toList());
        assertEquals(everybody, second.stream().sorted().toList());
        assertNotEquals(first, second);
        assertNotEquals(everybody, first, "shuffled");
    }

    @Test
    void theSameSeedGivesTheSameSequenceInBothModes() {
        assertEquals(round(new PeakOrder(30, 7), 3, 30), round(new PeakOrder(30, 7), 3, 30));
        assertNotEquals(round(new PeakOrder(30, 7), 0, 30), round(new PeakOrder(30, 8), 0, 30));
        assertEquals(PeakOrder.pickSeed(7, 3, 2), PeakOrder.pickSeed(7, 3, 2));
        assertNotEquals(PeakOrder.pickSeed(7, 3, 2), PeakOrder.pickSeed(7, 3, 1));
    }
}

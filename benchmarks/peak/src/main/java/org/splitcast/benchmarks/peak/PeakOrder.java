package org.splitcast.benchmarks.peak;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order in which subscribers come to pick at the peak: in rounds, every subscriber once per
 * round, each round in an order of its own drawn from the seed. The k-th request of the peak is
 * the same subscriber in both modes, and a subscriber picks a second time only once everybody has
 * picked once (a peak is many users each starting a title, not a few starting many). Safe for
 * concurrent use.
 */
final class PeakOrder {

    private final int subscribers;
    private final long seed;
    private final ConcurrentHashMap<Long, int[]> rounds = new ConcurrentHashMap<>();

    PeakOrder(int subscribers, long seed) {
        if (subscribers < 1) {
            throw new IllegalArgumentException("at least one subscriber");
        }
        this.subscribers = subscribers;
        this.seed = seed;
    }

    /** The subscriber (index) of the peak's {@code index}-th request, from 0. */
    int subscriberAt(long index) {
        long round = index / subscribers;
        int[] order = rounds.computeIfAbsent(round, this::shuffled);
        if (round > 0) {
            rounds.remove(round - 1);
        }
        return order[(int) (index % subscribers)];
    }

    private int[] shuffled(long round) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + round);
        int[] order = new int[subscribers];
        for (int i = 0; i < subscribers; i++) {
            order[i] = i;
        }
        for (int i = subscribers - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The seed of a subscriber's {@code pick}-th pick: the same pick in both modes. */
    static long pickSeed(long seed, int subscriber, int pick) {
        return (seed * 0x9E37_79B9_7F4A_7C15L) ^ ((long) subscriber << 20) ^ pick;
    }
}

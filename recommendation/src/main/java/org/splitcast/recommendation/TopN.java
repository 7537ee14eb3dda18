package org.splitcast.recommendation;

/**
 * The best {@code limit} of a stream of (content ordinal, score) pairs, in a bounded binary heap of
 * primitives whose root is the worst kept. The order is total, hence deterministic: higher score
 * first, then lower ordinal (contents are numbered in the order of their ids). Not thread-safe.
 */
final class TopN {

    private final double[] scores;
    private final int[] items;
    private int limit;
    private int size;

    TopN(int capacity) {
        scores = new double[capacity];
        items = new int[capacity];
    }

    void reset(int newLimit) {
        if (newLimit < 1 || newLimit > items.length) {
            throw new IllegalArgumentException("limit " + newLimit + " out of 1.." + items.length);
        }
        limit = newLimit;
        size = 0;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == limit;
    }

    /** The score of the worst entry kept; meaningful only when {@link #full()}. */
    double worstScore() {
        return scores[0];
    }

    void offer(int item, double score) {
        if (size < limit) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(item, score, items[parent], scores[parent])) {
                    break;
                }
                items[i] = items[parent];
                scores[i] = scores[parent];
                i = parent;
            }
            items[i] = item;
            scores[i] = score;
        } else if (worse(items[0], scores[0], item, score)) {
            siftDown(item, score);
        }
    }

    /**
     * Empties the heap into the arrays, best first.
     *
     * @return how many entries were written
     */
    int drainBestFirst(int[] outItems, double[] outScores) {
        int n = size;
        for (int k = n - 1; k >= 0; k--) {
            outItems[k] = items[0];
            outScores[k] = scores[0];
            size--;
            if (size > 0) {
                siftDown(items[size], scores[size]);
            }
        }
        return n;
    }

    /** Puts (item, score) at the root and restores the heap. */
    private void siftDown(int item, double score) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && worse(items[right], scores[right], items[child], scores[child])) {
                child = right;
            }
            if (!worse(items[child], scores[child], item, score)) {
                break;
            }
            items[i] = items[child];
            scores[i] = scores[child];
            i = child;
        }
        items[i] = item;
        scores[i] = score;
    }

    /** Whether (a, aScore) ranks after (b, bScore). */
    static boolean worse(int a, double aScore, int b, double bScore) {
        return aScore < bScore || (aScore == bScore && a > b);
    }
}

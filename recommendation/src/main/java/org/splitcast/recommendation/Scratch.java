package org.splitcast.recommendation;

import java.util.Arrays;

/**
 * The working memory of one request: dense score arrays over the catalogue, reset in O(1) by
 * stamping touched entries with the request's epoch instead of clearing. One thread uses an
 * instance at a time; the model keeps a lock-free pool of them.
 */
final class Scratch {

    /** The co-view part of the score of each touched content. */
    final float[] coView;
    /** The segment part of the score of each touched content. */
    final float[] segment;
    /** {@code touchStamp[j] == epoch}: j was touched by this request. */
    final int[] touchStamp;
    /** {@code blockStamp[j] == epoch}: j may not be recommended (viewed) in this request. */
    final int[] blockStamp;
    /** The contents touched by this request, in order. */
    final int[] touched;

    final TopN top;
    final int[] resultItems;
    final double[] resultScores;
    final double[] weights;

    int touchedCount;
    int epoch;

    Scratch(int contents, int maxLimit, int window) {
        coView = new float[contents];
        segment = new float[contents];
        touchStamp = new int[contents];
        blockStamp = new int[contents];
        touched = new int[contents];
        top = new TopN(maxLimit);
        resultItems = new int[maxLimit];
        resultScores = new double[maxLimit];
        weights = new double[window];
    }

    /** Starts a request: nothing touched, nothing blocked. */
    int begin() {
        if (epoch == Integer.MAX_VALUE) {
            Arrays.fill(touchStamp, 0);
            Arrays.fill(blockStamp, 0);
            epoch = 0;
        }
        touchedCount = 0;
        return ++epoch;
    }

    /** Marks j touched by this request (its parts start at 0). */
    void touch(int j) {
        if (touchStamp[j] != epoch) {
            touchStamp[j] = epoch;
            coView[j] = 0;
            segment[j] = 0;
            touched[touchedCount++] = j;
        }
    }

    boolean touched(int j) {
        return touchStamp[j] == epoch;
    }

    void block(int j) {
        blockStamp[j] = epoch;
    }

    boolean blocked(int j) {
        return blockStamp[j] == epoch;
    }
}

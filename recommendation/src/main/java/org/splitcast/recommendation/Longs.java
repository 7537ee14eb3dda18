package org.splitcast.recommendation;

import java.util.Arrays;

/** A growable array of {@code long}, for the builder's view times. Not thread-safe. */
final class Longs {

    private long[] values = new long[8];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}

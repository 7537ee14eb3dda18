package org.splitcast.recommendation;

import java.util.Arrays;

/** A growable array of {@code int}, for the builder's columns. Not thread-safe. */
final class Ints {

    private int[] values;
    private int size;

    Ints() {
        this(8);
    }

    Ints(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

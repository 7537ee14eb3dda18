package org.splitcast.recommendation;

import java.util.Arrays;

/**
 * One subscriber's part of database 56, immutable: every change makes a new instance (copy on
 * write), so a reader holding one never sees a torn state.
 *
 * <p>The history window holds the most recent views (at most the model's H), oldest first, each
 * with its time and terminal; {@link #earlier} holds the other contents viewed before, so that
 * viewed contents can still be left out of lists.
 */
final class SubscriberState {

    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];
    private static final String[] NO_STRINGS = new String[0];

    final Segment segment;
    final PopularityNode popularity;
    final Entitlements entitlements;
    /** Content ordinals of the window, oldest first. */
    final int[] items;
    /** Epoch milliseconds of the window's views, non-decreasing. */
    final long[] times;
    /** The terminal of each view of the window, or {@code null}; equal ids share an instance. */
    final String[] terminals;
    /** Sorted distinct contents viewed before the window (some may be in the window too). */
    final int[] earlier;

    SubscriberState(
            Segment segment,
            PopularityNode popularity,
            Entitlements entitlements,
            int[] items,
            long[] times,
            String[] terminals,
            int[] earlier) {
        this.segment = segment;
        this.popularity = popularity;
        this.entitlements = entitlements;
        this.items = items;
        this.times = times;
        this.terminals = terminals;
        this.earlier = earlier;
    }

    static SubscriberState empty(Segment segment, PopularityNode popularity) {
        return new SubscriberState(segment, popularity, Entitlements.NONE, NO_INTS, NO_LONGS, NO_STRINGS, NO_INTS);
    }

    SubscriberState withSegment(Segment newSegment, PopularityNode newPopularity) {
        return new SubscriberState(newSegment, newPopularity, entitlements, items, times, terminals, earlier);
    }

    SubscriberState withEntitlements(Entitlements newEntitlements) {
        return new SubscriberState(segment, popularity, newEntitlements, items, times, terminals, earlier);
    }

    /**
     * This history plus one view, placed by its time (after the views of the same time); the
     * oldest view leaves the window when it is full, into {@link #earlier}. A view older than a
     * full window only joins {@link #earlier}.
     */
    SubscriberState withView(int item, String terminal, long time, int window) {
        int n = items.length;
        int at = n;
        while (at > 0 && times[at - 1] > time) {
            at--;
        }
        if (n == window && at == 0) {
            return new SubscriberState(segment, popularity, entitlements, items, times, terminals, with(earlier, item));
        }
        String shared = share(terminal);
        int drop = n == window ? 1 : 0;
        int length = n + 1 - drop;
        int[] newItems = new int[length];
        long[] newTimes = new long[length];
        String[] newTerminals = new String[length];
        // views [drop, at) then the new one then [at, n)
        int before = at - drop;
        System.arraycopy(items, drop, newItems, 0, before);
        System.arraycopy(times, drop, newTimes, 0, before);
        System.arraycopy(terminals, drop, newTerminals, 0, before);
        newItems[before] = item;
        newTimes[before] = time;
        newTerminals[before] = shared;
        System.arraycopy(items, at, newItems, before + 1, n - at);
        System.arraycopy(times, at, newTimes, before + 1, n - at);
        System.arraycopy(terminals, at, newTerminals, before + 1, n - at);
        int[] newEarlier = drop == 1 ? with(earlier, items[0]) : earlier;
        return new SubscriberState(segment, popularity, entitlements, newItems, newTimes, newTerminals, newEarlier);
    }

    /** The instance of this terminal id already in the window, so that the window holds one copy. */
    private String share(String terminal) {
        if (terminal == null) {
            return null;
        }
        for (String t : terminals) {
            if (terminal.equals(t)) {
                return t;
            }
        }
        return terminal;
    }

    /** The sorted distinct array plus one value (the same array when already there). */
    static int[] with(int[] sorted, int value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at >= 0) {
            return sorted;
        }
        int insert = -at - 1;
        int[] result = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, result, 0, insert);
        result[insert] = value;
        System.arraycopy(sorted, insert, result, insert + 1, sorted.length - insert);
        return result;
    }
}

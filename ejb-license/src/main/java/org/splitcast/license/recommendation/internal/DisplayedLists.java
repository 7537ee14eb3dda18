package org.splitcast.license.recommendation.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recommendation lists subscribers were shown (step 102 → 104), as this node served them: how
 * long each subscriber's longest list was, so that the precompute run (operation 124) covers at
 * least that much of their list, and which subscribers were shown more of their list than the run
 * last covered for them, for the run's sweep to put them on the active list (step 112): a
 * subscriber who opens their list at 7 pm and plays at 9 pm finds what they saw precomputed.
 *
 * <p>In memory, without a transaction on the list's request path, and bounded: past {@link
 * #MAX_SUBSCRIBERS} the lengths are forgotten (the run falls back to the policy's K). In a cluster
 * each node knows the lists it served; the run's node covers those, K the others.
 */
@ApplicationScoped
public class DisplayedLists {

    /** The most subscribers remembered at once. */
    static final int MAX_SUBSCRIBERS = 200_000;

    /** The longest list a subscriber is remembered for (the REST limit). */
    static final int MAX_LENGTH = 100;

    private record Entry(int shown, int covered) {}

    private final Map<String, Entry> bySubscriber = new ConcurrentHashMap<>();

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    /** The subscriber was shown the first {@code length} items of their list at {@code at}. */
    public void shown(String subscriberId, int length, Instant at) {
        if (length < 1) {
            return;
        }
        int n = Math.min(length, MAX_LENGTH);
        makeRoomFor(subscriberId);
        Entry now = bySubscriber.merge(
                subscriberId, new Entry(n, 0), (old, e) -> new Entry(Math.max(old.shown(), n), old.covered()));
        if (now.shown() > now.covered() && pending.size() < MAX_SUBSCRIBERS) {
            pending.merge(subscriberId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** How many items of the subscriber's list they were shown at most; 0 if none is known. */
    public int length(String subscriberId) {
        Entry e = bySubscriber.get(subscriberId);
        return e == null ? 0 : e.shown();
    }

    /**
     * The precompute run stored the blocks of the first {@code length} items of the subscriber's
     * list: a list no longer than that shown later needs no other run.
     */
    public void covered(String subscriberId, int length) {
        int n = Math.min(length, MAX_LENGTH);
        makeRoomFor(subscriberId);
        bySubscriber.merge(
                subscriberId, new Entry(0, n), (old, e) -> new Entry(old.shown(), Math.max(old.covered(), n)));
    }

    /** Past the bound, everything is forgotten (the run falls back to K, lists shown come back). */
    private void makeRoomFor(String subscriberId) {
        if (bySubscriber.size() >= MAX_SUBSCRIBERS && !bySubscriber.containsKey(subscriberId)) {
            bySubscriber.clear();
        }
    }

    /**
     * The subscribers shown more of their list than was covered for them, each with the last time,
     * taken away: the sweep puts them on the active list.
     */
    public Map<String, Instant> drainPending() {
        Map<String, Instant> drained = new LinkedHashMap<>();
        for (String id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                drained.put(id, at);
            }
        }
        return drained;
    }
}

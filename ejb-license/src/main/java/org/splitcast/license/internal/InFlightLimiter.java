package org.splitcast.license.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many license requests each subscriber has in progress on this node, for the optional limit
 * {@code splitcast.license.max-in-flight-per-subscriber}. Lock-free: one counter per subscriber
 * that has a request in progress, removed when it drops to zero.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InFlightLimiter {

    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** Counts one more request of the subscriber, unless it already has {@code max}; max ≤ 0: no limit. */
    public boolean tryAcquire(String subscriberId, int max) {
        if (max <= 0) {
            return true;
        }
        boolean[] acquired = {false};
        inFlight.compute(subscriberId, (id, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < max) {
                c.incrementAndGet();
                acquired[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return acquired[0];
    }

    /** The request acquired with {@link #tryAcquire} has finished. */
    public void release(String subscriberId, int max) {
        if (max <= 0) {
            return;
        }
        inFlight.computeIfPresent(subscriberId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Requests in progress for the subscriber (for tests and status). */
    public int inFlight(String subscriberId) {
        AtomicInteger count = inFlight.get(subscriberId);
        return count == null ? 0 : count.get();
    }
}

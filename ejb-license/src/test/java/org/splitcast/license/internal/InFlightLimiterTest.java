package org.splitcast.license.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    private final InFlightLimiter limiter = new InFlightLimiter();

    @Test
    void refusesBeyondTheLimitUntilARequestFinishes() {
        assertTrue(limiter.tryAcquire("alice", 2));
        assertTrue(limiter.tryAcquire("alice", 2));
        assertFalse(limiter.tryAcquire("alice", 2), "a third request in flight");
        assertTrue(limiter.tryAcquire("bob", 2), "the limit is per subscriber");

        limiter.release("alice", 2);

        assertTrue(limiter.tryAcquire("alice", 2));
        assertEquals(2, limiter.inFlight("alice"));
    }

    @Test
    void noLimitWhenZero() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.tryAcquire("alice", 0));
        }
        assertEquals(0, limiter.inFlight("alice"), "nothing is counted without a limit");
    }

    @Test
    void countersDisappearWhenIdleAndNeverExceedTheLimitUnderContention() throws Exception {
        int max = 3;
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 2000; i++) {
            pool.submit(() -> {
                start.await();
                if (limiter.tryAcquire("carol", max)) {
                    try {
                        peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                    } finally {
                        concurrent.decrementAndGet();
                        limiter.release("carol", max);
                    }
                } else {
                    refused.incrementAndGet();
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        assertTrue(peak.get() <= max, "at most " + max + " at once, saw " + peak.get());
        assertEquals(0, limiter.inFlight("carol"), "all released");
    }
}

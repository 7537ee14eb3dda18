package org.splitcast.license.precompute.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkloadMeterTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final WorkloadMeter meter = new WorkloadMeter(clock::get, Duration.ofHours(1));

    /** Advances the clock second by second, recording perSecond requests in each. */
    private void steady(int perSecond, int seconds) {
        for (int s = 0; s < seconds; s++) {
            meter.record(perSecond);
            clock.addAndGet(1000);
        }
    }

    @Test
    void loadIsRequestsOfTheLastIntervalDividedByItsLength() {
        steady(3, 300); // 3 req/s for five minutes
        steady(9, 60); // then 9 req/s for one minute
        // the last five minutes: 240 s at 3 and 60 s at 9 = 1260 requests / 300 s
        assertEquals(1260.0 / 300, meter.load(FIVE_MINUTES), 1e-9);
        assertEquals(9.0, meter.load(Duration.ofMinutes(1)), 1e-9);
    }

    @Test
    void theCurrentIncompleteSecondIsNotCounted() {
        steady(4, 10);
        meter.record(1000); // in the second now running
        clock.addAndGet(400);
        assertEquals(4.0, meter.load(Duration.ofSeconds(10)), 1e-9);
    }

    @Test
    void aFreshMeterDividesByItsAgeNotByTheWholeInterval() {
        steady(10, 30);
        assertEquals(10.0, meter.load(FIVE_MINUTES), 1e-9);
        assertEquals(0.0, new WorkloadMeter(clock::get, Duration.ofMinutes(10)).load(FIVE_MINUTES));
    }

    @Test
    void countsOfAnEarlierLapOfTheRingAreNotReadAgain() {
        WorkloadMeter small = new WorkloadMeter(clock::get, Duration.ofSeconds(10));
        for (int s = 0; s < 10; s++) {
            small.record(50);
            clock.addAndGet(1000);
        }
        clock.addAndGet(60_000); // a minute with no request: the slots hold counts 60 s old
        assertEquals(0.0, small.load(Duration.ofSeconds(10)), 1e-9);
        small.record(20);
        clock.addAndGet(1000);
        assertEquals(2.0, small.load(Duration.ofSeconds(10)), 1e-9);
    }

    @Test
    void trendIsTheSlopeOfTheLastIntervalsLoads() {
        Duration minute = Duration.ofMinutes(1);
        steady(2, 60);
        steady(4, 60);
        steady(6, 60);
        steady(8, 60);
        assertArrayEquals(new double[] {2, 4, 6, 8}, meter.loads(minute, 4), 1e-9);
        assertEquals(2.0, meter.trend(minute, 4), 1e-9); // +2 req/s per interval
        steady(5, 60);
        assertArrayEquals(new double[] {6, 8, 5}, meter.loads(minute, 3), 1e-9);
        assertEquals(-0.5, meter.trend(minute, 3), 1e-9);
    }

    @Test
    void trendNeedsTwoCompleteIntervals() {
        steady(5, 90);
        assertEquals(0.0, meter.trend(Duration.ofMinutes(1), 4));
        assertEquals(1, meter.loads(Duration.ofMinutes(1), 4).length);
    }

    @Test
    void intervalsTheMeterDoesNotKeepAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> meter.load(Duration.ofHours(2)));
        assertThrows(IllegalArgumentException.class, () -> meter.load(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> meter.loads(Duration.ofMinutes(30), 3));
    }

    @Test
    void concurrentRecordsAreAllCounted() throws Exception {
        int threads = 4;
        int perThread = 250_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    meter.record();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        clock.addAndGet(1000);
        assertEquals((double) threads * perThread, meter.load(Duration.ofSeconds(1)), 1e-9);
    }
}

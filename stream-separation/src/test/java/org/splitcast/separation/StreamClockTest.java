package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamClockTest {

    @Test
    void timeRunsOnAcrossThe33BitWrap() {
        StreamClock clock = new StreamClock();
        long wrap = 1L << 33;
        clock.sample(wrap - 9000, false);
        assertEquals(9000, clock.sample(0, false));
        assertEquals(12600, clock.sample(3600, false));
        assertEquals(0, clock.discontinuities());
    }

    @Test
    void jumpsBackAndAheadCountAsDiscontinuitiesNotAsTime() {
        StreamClock clock = new StreamClock();
        clock.sample(1_000_000, false);
        clock.sample(1_003_600, false);
        assertEquals(3600, clock.sample(10, false)); // back
        assertEquals(3600, clock.sample(50_000_000, false)); // far ahead
        assertEquals(7200, clock.sample(50_003_600, false));
        assertEquals(7200, clock.sample(50_007_200, true)); // flagged
        assertEquals(3, clock.discontinuities());
    }
}

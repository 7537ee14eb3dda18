package org.splitcast.separation;

/**
 * Stream time for chunking: 90 kHz ticks since the first clock sample, continuous across the
 * 33-bit wrap of PCR/PTS and across discontinuities (a jump back or of more than ten seconds
 * counts as zero time, so chunks keep following playback).
 */
final class StreamClock {

    private static final long WRAP = 1L << 33;
    private static final long MAX_STEP = 10 * 90_000L;

    private long last = -1;
    private long now;
    private long discontinuities;

    /** @return the stream time after this sample */
    long sample(long raw, boolean discontinuity) {
        if (last >= 0) {
            long step = (raw - last) & (WRAP - 1);
            if (discontinuity || step > MAX_STEP) {
                discontinuities++;
            } else {
                now += step;
            }
        }
        last = raw;
        return now;
    }

    long now() {
        return now;
    }

    long discontinuities() {
        return discontinuities;
    }
}

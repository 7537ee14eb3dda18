package org.splitcast.benchmarks.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.benchmarks.peak.Series.Phase;
import org.splitcast.benchmarks.peak.Series.Request;
import org.splitcast.benchmarks.peak.Series.Second;
import org.splitcast.benchmarks.peak.Series.Status;

class SeriesTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertEquals(50, Series.percentile(sorted, 0.50));
        assertEquals(100, Series.percentile(sorted, 0.99));
        assertEquals(10, Series.percentile(sorted, 0.01));
        assertEquals(100, Series.percentile(sorted, 1.0));
        assertEquals(7, Series.percentile(new long[] {7}, 0.99));
        assertTrue(Double.isNaN(Series.percentile(new long[0], 0.5)));
    }

    @Test
    void aPeakSummaryCountsHitsMissesAndRefusalsOfItsPhaseOnly() {
        long start = 100 * S;
        List<Request> requests = List.of(
                new Request(start - S, 200, 0, 5 * MS, Phase.QUIET, 1),
                new Request(start + S, 200, 1, 10 * MS, Phase.PEAK, 1),
                new Request(start + 2 * S, 200, 1, 20 * MS, Phase.PEAK, 2),
                new Request(start + 3 * S, 200, 0, 30 * MS, Phase.PEAK, 1),
                new Request(start + 4 * S, 429, -1, 40 * MS, Phase.PEAK, 1),
                // under way at the end: in the latencies, not in the rate
                new Request(start + 10 * S + MS, 200, 0, 50 * MS, Phase.PEAK, 1));
        Series.Summary peak = Series.summarize(requests, Phase.PEAK, start, start + 10 * S);
        assertEquals(5, peak.requests());
        assertEquals(4, peak.ok());
        assertEquals(1, peak.errors());
        assertEquals(2, peak.hits());
        assertEquals(2, peak.misses());
        assertEquals(0.5, peak.hitRatio());
        assertEquals(3, peak.okInWindow());
        assertEquals(0.3, peak.licensesPerSecond(), 1e-9);
        assertEquals(30, peak.p50Ms(), 1e-9);
        assertEquals(50, peak.p99Ms(), 1e-9);
        assertEquals(30, peak.meanMs(), 1e-9);
        // first picks: a hit, a miss, a miss under way at the end (the refusal has no access)
        assertEquals(3, peak.firstPicks());
        assertEquals(1.0 / 3, peak.firstPickHitRatio(), 1e-9);
    }

    @Test
    void secondsAreBinnedFromThePeakStartWithTheirPhaseAndLastStatus() {
        long peak = 1_000 * S;
        long lists = peak - S - 300 * MS; // the lists were fetched from -1.3 s
        List<Request> requests = List.of(
                new Request(peak - 3 * S + 100 * MS, 200, 1, 4 * MS, Phase.QUIET, 1),
                new Request(peak - 3 * S + 900 * MS, 200, 0, 8 * MS, Phase.QUIET, 1),
                new Request(peak + 200 * MS, 200, 1, 2 * MS, Phase.PEAK, 1),
                new Request(peak + 700 * MS, 500, -1, 6 * MS, Phase.PEAK, 1),
                new Request(peak + 5 * S, 200, 1, 1 * MS, Phase.PEAK, 1)); // outside the bins asked for
        List<Status> statuses = List.of(
                new Status(peak - 3 * S + 10 * MS, 2.0, 0, true, true, 10, 5, 0, 0),
                new Status(peak - 3 * S + 990 * MS, 2.5, 0, true, true, 12, 4, 0, 0),
                new Status(peak + 500 * MS, 30.0, 5, false, true, 40, 0, 0, 0));

        List<Second> seconds = Series.perSecond(requests, statuses, peak, lists, -3, 1);

        assertEquals(
                List.of(-3, -2, -1, 0, 1), seconds.stream().map(Second::second).toList());
        assertEquals(
                List.of(Phase.QUIET, Phase.QUIET, Phase.LISTS, Phase.PEAK, Phase.PEAK),
                seconds.stream().map(Second::phase).toList());
        Second quiet = seconds.get(0);
        assertEquals(2, quiet.licenses());
        assertEquals(0.5, quiet.hitRatio());
        assertEquals(6.0, quiet.meanLatencyMs(), 1e-9);
        assertEquals(12, quiet.status().storeSize(), "the last sample of the second");
        Second first = seconds.get(3);
        assertEquals(1, first.licenses());
        assertEquals(1, first.errors());
        assertEquals(1.0, first.hitRatio());
        assertTrue(Double.isNaN(seconds.get(1).hitRatio()), "no license that second");
        assertNull(seconds.get(4).status());
        assertEquals(0, seconds.get(4).licenses());
    }

    @Test
    void binsFloorNegativeOffsets() {
        assertEquals(-1, Series.bin(999 * MS, S));
        assertEquals(0, Series.bin(S, S));
        assertEquals(-2, Series.bin(0, S + 1));
    }
}

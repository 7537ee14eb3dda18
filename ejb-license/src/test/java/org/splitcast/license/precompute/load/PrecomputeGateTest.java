package org.splitcast.license.precompute.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrecomputeGateTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final double S1 = 100;

    private static GateDecision decide(double load, double trend) {
        return PrecomputeGate.decide(load, trend, INTERVAL, PERIOD, S1, 1.0, 1_000_000);
    }

    @Test
    void opensUnderTheThreshold() {
        GateDecision d = decide(40, 0);
        assertTrue(d.open());
        assertEquals(60, d.headroom(), 1e-9);
        // 60 spare requests per second for a 60 s period
        assertEquals(3600, d.budget());
        assertEquals(60, d.itemsPerSecond(), 1e-9);
    }

    @Test
    void closesAtAndOverTheThreshold() {
        assertFalse(decide(100, 0).open());
        assertFalse(decide(140, -10).open());
        assertEquals(0, decide(140, 0).budget());
    }

    @Test
    void budgetShrinksAsTheLoadNearsTheThreshold() {
        int previous = Integer.MAX_VALUE;
        for (double load = 0; load < S1; load += 10) {
            int budget = decide(load, 0).budget();
            assertTrue(budget < previous, "budget at load " + load + " is " + budget + ", not below " + previous);
            previous = budget;
        }
        assertEquals(0, decide(99.999, 0).budget());
        assertFalse(decide(99.999, 0).open());
    }

    @Test
    void aRisingTrendClosesTheGateBeforeTheLoadGetsThere() {
        // +50 req/s per 5-minute interval is +10 req/s over the next 1-minute period
        GateDecision rising = decide(85, 50);
        assertTrue(rising.open());
        assertEquals(95, rising.projectedLoad(), 1e-9);
        assertEquals(5 * 60, rising.budget());
        assertTrue(rising.budget() < decide(85, 0).budget());
        assertFalse(decide(92, 50).open());
        // a falling trend does not make room that is not there yet
        assertEquals(decide(85, 0).budget(), decide(85, -50).budget());
    }

    @Test
    void theBudgetNeverOutrunsTheHeadroom() {
        for (double load : new double[] {0, 25, 50, 75, 95}) {
            for (double cost : new double[] {0.5, 1, 4}) {
                GateDecision d = PrecomputeGate.decide(load, 0, INTERVAL, PERIOD, S1, cost, 1_000_000);
                double addedLoad = d.budget() * cost / PERIOD.toSeconds();
                assertTrue(load + addedLoad <= S1 + 1e-9, "load " + load + " + precompute " + addedLoad + " > S1");
            }
        }
    }

    @Test
    void theOperatorsCapLimitsARun() {
        GateDecision d = PrecomputeGate.decide(0, 0, INTERVAL, PERIOD, S1, 1, 250);
        assertEquals(250, d.budget());
        assertFalse(PrecomputeGate.decide(0, 0, INTERVAL, PERIOD, S1, 1, 0).open());
    }

    @Test
    void aRunUnderWayStopsWhenTheLoadReachesTheThreshold() {
        GateDecision atStart = decide(30, 0);
        assertTrue(PrecomputeGate.stillOpen(atStart, 60, S1, INTERVAL, PERIOD));
        assertFalse(PrecomputeGate.stillOpen(atStart, 100, S1, INTERVAL, PERIOD));
        assertFalse(PrecomputeGate.stillOpen(decide(30, 50), 91, S1, INTERVAL, PERIOD));
        // the operator lowers S1 under the load during the run
        assertFalse(PrecomputeGate.stillOpen(atStart, 30, 25, INTERVAL, PERIOD));
    }
}

package org.splitcast.license.precompute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.PrecomputeSettings.SelectionPolicyName;
import org.splitcast.license.precompute.load.GateDecision;
import org.splitcast.license.precompute.load.PrecomputeGate;
import org.splitcast.license.precompute.run.PrecomputeRunRecord.Outcome;

class RunBudgetTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration PERIOD = Duration.ofSeconds(60);

    private final AtomicLong nanos = new AtomicLong();
    private double load = 40;
    private PrecomputeSettings settings = settings(true, 100);

    private static PrecomputeSettings settings(boolean enabled, double threshold) {
        return new PrecomputeSettings(
                enabled, threshold, INTERVAL, 3, PERIOD, SelectionPolicyName.FIRST_K, 5, 20, 1_000_000, 1);
    }

    private RunBudget budget(GateDecision gate) {
        // the sleeper moves the clock: a run that waits is a run whose time passes
        return new RunBudget(gate, INTERVAL, PERIOD, () -> load, () -> settings, nanos::get, nanos::addAndGet);
    }

    private static GateDecision gate(double load, int maxItems) {
        return PrecomputeGate.decide(load, 0, INTERVAL, PERIOD, 100, 1, maxItems);
    }

    @Test
    void stopsWhenTheBudgetIsSpent() {
        RunBudget budget = budget(gate(40, 25));
        int taken = 0;
        while (budget.tryTake()) {
            taken++;
        }
        assertEquals(25, taken);
        assertEquals(Outcome.BUDGET_SPENT, budget.stopped());
        assertFalse(budget.tryTake(), "a spent budget stays spent");
    }

    @Test
    void keepsThePaceOfTheHeadroom() {
        // 60 req/s free: at most 60 access blocks per second after a small burst
        RunBudget budget = budget(gate(40, 1_000_000));
        for (int i = 0; i < 604; i++) {
            assertTrue(budget.tryTake());
        }
        double seconds = nanos.get() / 1e9;
        assertEquals(10.0, seconds, 0.05, "600 items past the burst of 4 at 60/s take 10 s");
        assertNull(budget.stopped());
    }

    @Test
    void theGatesBudgetFitsInThePeriodAtThatPace() {
        RunBudget budget = budget(gate(40, 1_000_000));
        int taken = 0;
        while (budget.tryTake()) {
            taken++;
        }
        assertEquals(60 * 60, taken, "headroom 60/s for 60 s");
        assertEquals(Outcome.BUDGET_SPENT, budget.stopped());
        assertTrue(nanos.get() < PERIOD.toNanos(), "spent before the period ends");
    }

    @Test
    void neverOutlastsThePeriodWhenTheWorkIsSlowerThanThePace() {
        RunBudget budget = budget(gate(40, 1_000_000));
        int taken = 0;
        while (budget.tryTake()) {
            taken++;
            nanos.addAndGet(50_000_000); // each access block takes 50 ms to compute
        }
        assertEquals(Outcome.PERIOD_OVER, budget.stopped());
        assertTrue(taken <= 1200, "at 50 ms each, at most 1200 fit in 60 s: took " + taken);
        assertTrue(taken >= 1190, "and the run used the period: took " + taken);
    }

    @Test
    void stopsWhenTheOperatorDisablesPrecomputeDuringTheRun() {
        RunBudget budget = budget(gate(40, 1_000_000));
        for (int i = 0; i < 20; i++) {
            assertTrue(budget.tryTake());
        }
        settings = settings(false, 100);
        int more = 0;
        while (budget.tryTake()) {
            more++;
        }
        assertTrue(more < 8, "noticed within the next look at the settings, after " + more);
        assertEquals(Outcome.DISABLED, budget.stopped());
    }

    @Test
    void stopsWhenTheOperatorLowersTheThresholdUnderTheLoad() {
        RunBudget budget = budget(gate(40, 1_000_000));
        assertTrue(budget.tryTake());
        settings = settings(true, 30);
        assertEquals(Outcome.GATE_CLOSED, budget.stopped());
    }

    @Test
    void stopsWhenTheLoadReachesTheThresholdDuringTheRun() {
        RunBudget budget = budget(gate(40, 1_000_000));
        for (int i = 0; i < 20; i++) {
            assertTrue(budget.tryTake());
        }
        load = 120; // a peak starts
        int more = 0;
        while (budget.tryTake()) {
            more++;
        }
        assertTrue(more < 8, "noticed within the next look at the meter, after " + more);
        assertEquals(Outcome.GATE_CLOSED, budget.stopped());
    }
}

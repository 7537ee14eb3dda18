package org.splitcast.license.precompute.run;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.internal.ItemBudget;
import org.splitcast.license.precompute.load.GateDecision;
import org.splitcast.license.precompute.load.PrecomputeGate;
import org.splitcast.license.precompute.run.PrecomputeRunRecord.Outcome;

/**
 * The budget of one run, as the gate granted it: at most {@link GateDecision#budget()} access
 * blocks, no faster than {@link GateDecision#itemsPerSecond()} (so that precompute adds no more
 * load than the headroom), within the timer's period, and only while the gate stays open and the
 * operator leaves precompute enabled (both checked every few items, against the meter and the
 * settings in force). Used by the run's one thread.
 */
final class RunBudget implements ItemBudget {

    /** How many items between two looks at the meter. */
    private static final int CHECK_EVERY = 8;

    /** Items that may go at once before the pace applies. */
    private static final int BURST = 4;

    private final GateDecision decision;
    private final Duration interval;
    private final Duration period;
    private final DoubleSupplier loadNow;
    private final Supplier<PrecomputeSettings> settings;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long startNanos;
    private final long deadlineNanos;
    private int taken;
    private Outcome stop;

    /** Waits, interruptibly (a seam for tests). */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    RunBudget(
            GateDecision decision,
            Duration interval,
            Duration period,
            DoubleSupplier loadNow,
            Supplier<PrecomputeSettings> settings,
            LongSupplier nanoTime,
            Sleeper sleeper) {
        this.decision = decision;
        this.interval = interval;
        this.period = period;
        this.loadNow = loadNow;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.startNanos = nanoTime.getAsLong();
        this.deadlineNanos = startNanos + period.toNanos();
    }

    static RunBudget of(
            GateDecision decision,
            Duration interval,
            Duration period,
            DoubleSupplier loadNow,
            Supplier<PrecomputeSettings> settings) {
        return new RunBudget(decision, interval, period, loadNow, settings, System::nanoTime, n -> {
            long millis = n / 1_000_000;
            Thread.sleep(millis, (int) (n % 1_000_000));
        });
    }

    @Override
    public boolean tryTake() {
        if (stop != null) {
            return false;
        }
        if (taken >= decision.budget()) {
            stop = Outcome.BUDGET_SPENT;
            return false;
        }
        if (taken % CHECK_EVERY == 0 && (stop = check()) != null) {
            return false;
        }
        long due = startNanos + (long) (Math.max(0, taken - BURST + 1) / decision.itemsPerSecond() * 1e9);
        long now = nanoTime.getAsLong();
        if (due >= deadlineNanos || now >= deadlineNanos) {
            stop = Outcome.PERIOD_OVER;
            return false;
        }
        long wait = due - now;
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = Outcome.FAILED;
                return false;
            }
        }
        taken++;
        return true;
    }

    /** Whether the run must stop (and why), before the next user. */
    Outcome stopped() {
        if (stop == null && taken >= decision.budget()) {
            stop = Outcome.BUDGET_SPENT;
        }
        if (stop == null && nanoTime.getAsLong() >= deadlineNanos) {
            stop = Outcome.PERIOD_OVER;
        }
        if (stop == null) {
            stop = check();
        }
        return stop;
    }

    /** The operator's settings and the meter now: DISABLED, GATE_CLOSED, or null to go on. */
    private Outcome check() {
        PrecomputeSettings now = settings.get();
        if (!now.enabled()) {
            return Outcome.DISABLED;
        }
        return PrecomputeGate.stillOpen(decision, loadNow.getAsDouble(), now.threshold(), interval, period)
                ? null
                : Outcome.GATE_CLOSED;
    }

    int taken() {
        return taken;
    }
}

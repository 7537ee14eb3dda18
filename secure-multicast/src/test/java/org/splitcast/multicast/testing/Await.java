package org.splitcast.multicast.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline (never a bare sleep as the test's only wait). */
public final class Await {

    private Await() {}

    /** Waits until {@code condition} holds; false if {@code timeout} passes first. */
    public static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}

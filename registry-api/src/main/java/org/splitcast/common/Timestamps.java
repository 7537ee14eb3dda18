package org.splitcast.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision the databases keep (microseconds), so that what a response
 * shows right after a write is what every later read shows.
 */
public final class Timestamps {

    private Timestamps() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

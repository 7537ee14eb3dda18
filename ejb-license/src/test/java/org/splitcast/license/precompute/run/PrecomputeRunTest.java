package org.splitcast.license.precompute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrecomputeRunTest {

    @Test
    void kCoversAtLeastTheListTheSubscriberWasShown() {
        assertEquals(10, PrecomputeRun.coverage(5, 10));
        assertEquals(5, PrecomputeRun.coverage(5, 3));
        assertEquals(5, PrecomputeRun.coverage(5, 0));
    }
}

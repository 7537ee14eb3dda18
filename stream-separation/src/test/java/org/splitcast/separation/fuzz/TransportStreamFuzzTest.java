package org.splitcast.separation.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.splitcast.separation.ts.StreamFormatException;

/**
 * Target (i): arbitrary bytes as a transport stream, as they are and with their sync bytes put
 * back ({@link FuzzSupport#withSyncBytes}). Property: the separation either completes or
 * throws {@link StreamFormatException} (with a message, within the time limit); when it completes,
 * the main stream has the input's length and rebuilding main stream + complementary information
 * gives the input back byte for byte. Any other exception, a hang or running out of memory is a
 * finding.
 */
class TransportStreamFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void separateThenRebuild(byte[] input) throws Exception {
        check(input);
        // most mutations break the sync bytes and stop at the first packet: the same input with
        // every sync byte put back reaches the PSI, PES and codec parsers behind them
        check(FuzzSupport.withSyncBytes(input));
    }

    private static void check(byte[] ts) throws Exception {
        FuzzSupport.Separated s;
        try {
            s = FuzzSupport.separate(ts);
        } catch (StreamFormatException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            assertNotNull(e.problem());
            return;
        }
        assertEquals(ts.length, s.main().length, "the main stream has the original's length");
        assertArrayEquals(ts, FuzzSupport.rebuild(s.main(), s.complementary()), "the rebuild is the original");
    }
}

package org.splitcast.separation.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.splitcast.separation.complementary.ComplementaryException;

/**
 * Target (iii): the rebuild of a valid main stream with forged complementary information. The
 * fixture is the H.264 + AAC seed of {@link TransportStreamFuzzTest}, separated with {@link
 * FuzzSupport#OPTIONS}; the fuzzer's input says how to alter its complementary information (flip,
 * overwrite, insert or delete bytes, truncate, then optionally make the checksums right again).
 * Property: the rebuild fails with a {@link ComplementaryException}, or it succeeds and gives back
 * the original byte for byte; never different bytes, another exception, a hang or an unbounded
 * allocation.
 */
class RebuildFuzzTest {

    private static final byte[] ORIGINAL =
            FuzzSupport.seed(TransportStreamFuzzTest.class, "separateThenRebuild", "h264-aac.ts");
    private static final FuzzSupport.Separated FIXTURE = separateFixture();

    private static FuzzSupport.Separated separateFixture() {
        try {
            FuzzSupport.Separated s = FuzzSupport.separate(ORIGINAL);
            if (s.report().extractedBytes() == 0) {
                throw new IllegalStateException("the fixture extracts nothing");
            }
            return s;
        } catch (Exception e) {
            throw new IllegalStateException("the fixture does not separate", e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void forgedComplementaryInformation(FuzzedDataProvider data) throws Exception {
        byte[] comp = FIXTURE.complementary().clone();
        int edits = data.consumeInt(1, 6);
        for (int e = 0; e < edits && comp.length > 0; e++) {
            int at = data.consumeInt(0, comp.length - 1);
            switch (data.consumeInt(0, 4)) {
                case 0 -> comp[at] ^= (byte) data.consumeInt(1, 255);
                case 1 -> comp[at] = data.consumeByte();
                case 2 -> {
                    byte[] insert = data.consumeBytes(data.consumeInt(1, 32));
                    byte[] b = new byte[comp.length + insert.length];
                    System.arraycopy(comp, 0, b, 0, at);
                    System.arraycopy(insert, 0, b, at, insert.length);
                    System.arraycopy(comp, at, b, at + insert.length, comp.length - at);
                    comp = b;
                }
                case 3 -> {
                    int n = Math.min(data.consumeInt(1, 32), comp.length - at);
                    byte[] b = new byte[comp.length - n];
                    System.arraycopy(comp, 0, b, 0, at);
                    System.arraycopy(comp, at + n, b, at, comp.length - at - n);
                    comp = b;
                }
                default -> comp = Arrays.copyOf(comp, at);
            }
        }
        if (data.consumeBoolean()) {
            comp = FuzzSupport.repairChecksums(comp);
        }
        byte[] rebuilt;
        try {
            rebuilt = FuzzSupport.rebuild(FIXTURE.main(), comp);
        } catch (ComplementaryException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            assertNotNull(e.kind());
            return;
        }
        assertTrue(rebuilt.length == ORIGINAL.length, "a rebuild that succeeds has the original's length");
        assertArrayEquals(ORIGINAL, rebuilt, "a rebuild that succeeds gives back the original");
    }
}

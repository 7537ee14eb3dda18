package org.splitcast.separation.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteAlphabetTest {

    /** Positions where {@code 00 00 0x} with x at most 3 starts: start codes and emulation prevention. */
    private static List<Integer> patterns(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && (b[i + 2] & 0xFF) <= 3) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void replacementsNeverCreateOrDestroyStartCodesOrEmulationPrevention() {
        Random rng = new Random(5);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[64];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rng.nextInt(3) == 0 ? rng.nextInt(5) : rng.nextInt(256)); // many small values
            }
            byte[] m = b.clone();
            for (int i = 0; i < m.length; i++) {
                if (rng.nextBoolean() && ByteAlphabet.START_CODE_PAYLOAD.eligible(m[i] & 0xFF)) {
                    m[i] = ByteAlphabet.START_CODE_PAYLOAD.replacement(rng.nextInt(256));
                }
            }
            assertEquals(patterns(b), patterns(m), "round " + round);
        }
    }

    @Test
    void startCodeAlphabetNeverUsesTheValuesZeroToThree() {
        for (int k = 0; k < 256; k++) {
            assertTrue((ByteAlphabet.START_CODE_PAYLOAD.replacement(k) & 0xFF) >= 4);
        }
        for (int v = 0; v < 4; v++) {
            assertTrue(!ByteAlphabet.START_CODE_PAYLOAD.eligible(v));
        }
    }

    @Test
    void audioReplacementsNeverTakePartInASyncWord() {
        for (int k = 0; k < 256; k++) {
            int r = ByteAlphabet.AUDIO_PAYLOAD.replacement(k) & 0xFF;
            assertTrue(r < 0xF0, "0xFF / 0xF? would form FFF or FFE sync words: " + r);
            assertNotEquals(0x0B, r);
            assertNotEquals(0x77, r);
        }
    }

    @Test
    void replacementsSpreadOverTheWholeAlphabet() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int k = 0; k < 256; k++) {
            seen.add(ByteAlphabet.START_CODE_PAYLOAD.replacement(k) & 0xFF);
        }
        assertEquals(252, seen.size());
    }
}

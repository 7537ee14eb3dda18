package org.splitcast.separation.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitSelectorTest {

    private record Run(long offset, byte[] original) {}

    private final List<Run> runs = new ArrayList<>();
    private final RunRecorder recorder =
            (o, b, off, len) -> runs.add(new Run(o, Arrays.copyOfRange(b, off, off + len)));

    private UnitSelector selector(byte[] secret, double share) {
        ShareBudget budget = new ShareBudget(share);
        budget.accrue(1 << 20);
        return new UnitSelector(
                SelectionProfile.nalVideo(16, 0.015),
                new SelectionPrf(secret),
                budget,
                recorder,
                ByteAlphabet.START_CODE_PAYLOAD);
    }

    @Test
    void runsStayInsideTheUnitAndRecordTheOriginals() {
        byte[] data = new byte[5000];
        new Random(1).nextBytes(data);
        byte[] original = data.clone();
        UnitSelector s = selector(new byte[16], 0.05);
        s.begin(UnitClass.INTRA);
        for (int off = 1000; off < 3000; off += 184) { // the unit is [1000, 3000), in 184-byte pieces
            s.apply(data, off, Math.min(184, 3000 - off), 50_000 + off, off + 184 < 3000);
        }
        s.end();
        assertFalse(runs.isEmpty());
        for (Run r : runs) {
            int at = (int) (r.offset() - 50_000);
            assertTrue(at >= 1000 && at + r.original().length <= 3000, "run at " + at);
            assertArrayEquals(Arrays.copyOfRange(original, at, at + r.original().length), r.original());
        }
        for (int i = 0; i < data.length; i++) {
            if (i < 1000 || i >= 3000) {
                assertEquals(original[i], data[i], "byte " + i + " outside the unit");
            }
        }
        assertTrue(runs.get(0).offset() - 50_000 - 1000 <= 3, "the first run starts at the head of the unit");
        assertEquals(
                s.extractedBytes(),
                runs.stream().mapToLong(r -> r.original().length).sum());
    }

    @Test
    void runsAreNotCutAtPieceBoundariesWhenTheUnitGoesOn() {
        byte[] data = new byte[184 * 40];
        Arrays.fill(data, (byte) 0x55);
        UnitSelector s = selector(new byte[16], 0.2);
        s.begin(UnitClass.INTRA);
        for (int off = 0; off < data.length; off += 184) {
            s.apply(data, off, 184, off, true);
        }
        s.end();
        for (Run r : runs) {
            long start = r.offset() % 184;
            assertTrue(start + r.original().length <= 184, "run at " + r.offset() + " straddles a piece boundary");
        }
    }

    @Test
    void sameSecretGivesTheSameRunsAndAnotherSecretOthers() {
        byte[] data = new byte[20_000];
        new Random(2).nextBytes(data);
        List<Long> first = positions(new byte[16], data.clone());
        List<Long> again = positions(new byte[16], data.clone());
        byte[] other = new byte[16];
        other[0] = 1;
        List<Long> third = positions(other, data.clone());
        assertEquals(first, again);
        assertFalse(first.equals(third));
    }

    private List<Long> positions(byte[] secret, byte[] data) {
        runs.clear();
        UnitSelector s = selector(secret, 0.05);
        s.begin(UnitClass.INTRA);
        s.apply(data, 0, data.length, 0);
        s.end();
        return runs.stream().map(Run::offset).toList();
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SelectionPrf(new byte[8]));
    }

    @Test
    void keystreamBoundsAreRespected() {
        SelectionPrf prf = new SelectionPrf(new byte[32]);
        int[] counts = new int[10];
        for (int i = 0; i < 100_000; i++) {
            counts[prf.nextInt(10)]++;
        }
        for (int c : counts) {
            assertTrue(c > 9_000 && c < 11_000, Arrays.toString(counts));
        }
    }
}

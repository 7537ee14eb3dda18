package org.splitcast.separation.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.splitcast.separation.selection.ByteAlphabet;
import org.splitcast.separation.selection.SelectionPrf;
import org.splitcast.separation.selection.SelectionProfile;
import org.splitcast.separation.selection.ShareBudget;
import org.splitcast.separation.selection.UnitSelector;

/**
 * The word-at-a-time start code scan finds exactly the units a naive byte-by-byte scan finds, on
 * data full of zero bytes, handed over in pieces of every size (start codes split over pieces).
 */
class StartCodeScanTest {

    /** Records the first byte of every unit the scan finds. */
    static final class Recorder extends StartCodeHandler {
        final List<Integer> units = new ArrayList<>();

        Recorder() {
            super(
                    new UnitSelector(
                            SelectionProfile.audio(16),
                            new SelectionPrf(new byte[16]),
                            new ShareBudget(0.01),
                            (o, b, off, len) -> {},
                            ByteAlphabet.START_CODE_PAYLOAD),
                    16);
        }

        @Override
        protected int headCapacity(int firstByte) {
            units.add(firstByte);
            return 0;
        }

        @Override
        protected int onHead(int len) {
            return SKIP;
        }
    }

    private static List<Integer> naive(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 2; i + 1 < b.length; i++) {
            if (b[i] == 1 && b[i - 1] == 0 && b[i - 2] == 0) {
                out.add(b[i + 1] & 0xFF);
            }
        }
        return out;
    }

    @Test
    void wordScanFindsExactlyTheStartCodesAByteScanFinds() {
        Random rng = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] es = new byte[2000 + rng.nextInt(20_000)];
            int zeroPercent = rng.nextInt(60);
            for (int i = 0; i < es.length; i++) {
                int r = rng.nextInt(100);
                es[i] = (byte) (r < zeroPercent ? 0 : r < zeroPercent + 5 ? 1 : 2 + rng.nextInt(254));
            }
            es[es.length - 1] = 0x55; // every start code has a byte after it
            Recorder h = new Recorder();
            for (int off = 0; off < es.length; ) {
                int n = Math.min(es.length - off, 1 + rng.nextInt(rng.nextBoolean() ? 12 : 400));
                h.payload(es, off, n, off);
                off += n;
            }
            assertEquals(naive(es), h.units, "round " + round + ", " + zeroPercent + " % zeros");
        }
    }
}

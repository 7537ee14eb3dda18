package org.splitcast.separation.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

/**
 * Checks, byte by byte, that a main stream differs from its original only where coded media data
 * lies: inside the elementary-stream bytes of a protected stream, never in a TS header, adaptation
 * field, PSI section or PES header; for video never in a NAL unit or start-code unit that is not a
 * slice, nor in its first bytes (NAL header, start of the slice header); for audio never in the
 * first bytes of a frame. Frames and NAL units are found here with code independent of the code
 * under test.
 */
public final class MediaSafety {

    private MediaSafety() {}

    /** @return the number of bytes that differ */
    public static long check(byte[] original, byte[] main, Map<Integer, EsSegments> streams) {
        assertEquals(original.length, main.length, "the main stream must have the original's length");
        Map<Integer, int[]> units = new java.util.HashMap<>();
        for (EsSegments s : streams.values()) {
            units.put(s.pid, unitStarts(s));
        }
        long differing = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] == main[i]) {
                continue;
            }
            differing++;
            EsSegments owner = null;
            long es = -1;
            for (EsSegments s : streams.values()) {
                es = s.esOffsetOf(i);
                if (es >= 0) {
                    owner = s;
                    break;
                }
            }
            if (owner == null) {
                fail("byte " + i + " differs outside any elementary stream payload (a TS, PES or PSI header)");
            }
            int[] starts = units.get(owner.pid);
            int idx = java.util.Arrays.binarySearch(starts, (int) es);
            int unit = idx >= 0 ? idx : -idx - 2;
            assertTrue(unit >= 0, "byte " + i + " (ES offset " + es + ") differs before the first unit");
            int unitStart = starts[unit];
            byte[] bytes = owner.bytes();
            long within = es - unitStart;
            String where = String.format(
                    "byte %d (PID 0x%04X, ES offset %d, %d bytes into its unit)", i, owner.pid, es, within);
            switch (owner.streamType) {
                case 0x1B: {
                    int type = bytes[unitStart] & 0x1F;
                    assertTrue(type == 1 || type == 5, where + " is in a non-slice NAL unit of type " + type);
                    assertTrue(within >= 2, where + " is in the NAL header or the first slice header byte");
                    break;
                }
                case 0x24: {
                    int type = (bytes[unitStart] >> 1) & 0x3F;
                    assertTrue(
                            type <= 21 && (type <= 9 || type >= 16),
                            where + " is in a non-slice NAL unit of type " + type);
                    assertTrue(within >= 3, where + " is in the NAL header or the first slice header byte");
                    break;
                }
                case 0x01:
                case 0x02: {
                    int code = bytes[unitStart] & 0xFF;
                    assertTrue(
                            code >= 0x01 && code <= 0xAF,
                            where + " is in a start code unit 0x" + Integer.toHexString(code));
                    assertTrue(within >= 1, where + " is in the slice start code");
                    break;
                }
                case 0x0F:
                    assertTrue(within >= 7, where + " is in an ADTS header");
                    break;
                case 0x03:
                case 0x04:
                    assertTrue(within >= 4, where + " is in an MPEG audio header");
                    break;
                case 0x81:
                case 0x06:
                    assertTrue(within >= 8, where + " is in an AC-3 syncinfo or bit stream information");
                    break;
                default:
                    fail(where + " is in a stream of type " + owner.streamType + " that must pass through");
            }
        }
        return differing;
    }

    /**
     * Start offsets of the stream's units: for video the first byte after each start code; for
     * audio each frame's sync word, walking the frames by their lengths.
     */
    static int[] unitStarts(EsSegments s) {
        byte[] b = s.bytes();
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        switch (s.streamType) {
            case 0x1B:
            case 0x24:
            case 0x01:
            case 0x02:
                for (int i = 2; i < b.length; i++) {
                    if (b[i] == 1 && b[i - 1] == 0 && b[i - 2] == 0) {
                        starts.add(i + 1);
                    }
                }
                break;
            default:
                for (int i = 0; i + 8 < b.length; ) {
                    int len = audioFrameLength(s.streamType, b, i);
                    if (len <= 0) {
                        i++;
                        continue;
                    }
                    starts.add(i);
                    i += len;
                }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int audioFrameLength(int type, byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        int b1 = b[i + 1] & 0xFF;
        if (type == 0x0F && b0 == 0xFF && (b1 & 0xF6) == 0xF0) {
            return ((b[i + 3] & 0x03) << 11) | ((b[i + 4] & 0xFF) << 3) | ((b[i + 5] & 0xFF) >> 5);
        }
        if ((type == 0x03 || type == 0x04) && b0 == 0xFF && (b1 & 0xE0) == 0xE0) {
            int[] l2 = {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384};
            int[] rates = {44100, 48000, 32000};
            int br = (b[i + 2] >> 4) & 0x0F;
            int sr = (b[i + 2] >> 2) & 3;
            if (((b1 >> 1) & 3) != 2 || ((b1 >> 3) & 3) != 3 || br == 0 || br == 15 || sr == 3) {
                return -1; // these tests only make MPEG-1 layer II
            }
            return 144 * l2[br] * 1000 / rates[sr] + ((b[i + 2] >> 1) & 1);
        }
        if ((type == 0x81 || type == 0x06) && b0 == 0x0B && b1 == 0x77) {
            int fscod = (b[i + 4] & 0xFF) >> 6;
            int code = b[i + 4] & 0x3F;
            int[] kbps = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 576, 640};
            if (fscod != 0 || code > 37) {
                return -1; // these tests only make 48 kHz AC-3
            }
            return kbps[code >> 1] * 4;
        }
        return -1;
    }
}

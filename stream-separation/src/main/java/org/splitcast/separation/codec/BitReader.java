package org.splitcast.separation.codec;

/**
 * Reads the bits of a header held in a byte array, optionally removing the emulation prevention
 * bytes of H.264/HEVC ({@code 00 00 03}), and tells where in the raw bytes the header ended.
 * Running out of bytes and finding an impossible value are signalled by two preallocated
 * exceptions, since headers are parsed speculatively while their bytes arrive.
 */
final class BitReader {

    /** The header goes on beyond the bytes available. */
    static final class EndOfData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private EndOfData() {
            super("end of data", null, false, false);
        }
    }

    /** A value no valid header has. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Malformed() {
            super("malformed", null, false, false);
        }
    }

    static final EndOfData END = new EndOfData();
    static final Malformed MALFORMED = new Malformed();

    private final byte[] raw;
    private final int limit;
    private final boolean emulationPrevention;
    private int rawPos;
    private int zeros;
    private int cur;
    private int bitsLeft;
    private int curIndex = -1;

    BitReader(byte[] raw, int start, int limit, boolean emulationPrevention) {
        this.raw = raw;
        this.rawPos = start;
        this.limit = limit;
        this.emulationPrevention = emulationPrevention;
    }

    static void check(boolean condition) {
        if (!condition) {
            throw MALFORMED;
        }
    }

    int bit() {
        if (bitsLeft == 0) {
            load();
        }
        bitsLeft--;
        return (cur >> bitsLeft) & 1;
    }

    boolean flag() {
        return bit() != 0;
    }

    private void load() {
        while (true) {
            if (rawPos >= limit) {
                throw END;
            }
            int b = raw[rawPos] & 0xFF;
            if (emulationPrevention && zeros >= 2 && b == 3) {
                rawPos++;
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            cur = b;
            curIndex = rawPos++;
            bitsLeft = 8;
            return;
        }
    }

    /** n bits, n ≤ 32, as an unsigned value. */
    long bits(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    /** n bits, n ≤ 31. */
    int u(int n) {
        return (int) bits(n);
    }

    void skip(long n) {
        for (long i = 0; i < n; i++) {
            bit();
        }
    }

    /** Exp-Golomb ue(v), at most 31 leading zeros. */
    int ue() {
        int zerosCount = 0;
        while (bit() == 0) {
            zerosCount++;
            check(zerosCount <= 31);
        }
        if (zerosCount == 0) {
            return 0;
        }
        long v = (1L << zerosCount) - 1 + bits(zerosCount);
        check(v <= Integer.MAX_VALUE);
        return (int) v;
    }

    /** Exp-Golomb se(v). */
    int se() {
        int k = ue();
        return (k & 1) != 0 ? (k + 1) / 2 : -(k / 2);
    }

    /** ue(v) that must lie in [0, max]. */
    int ue(int max) {
        int v = ue();
        check(v <= max);
        return v;
    }

    boolean byteAligned() {
        return bitsLeft == 0;
    }

    /** Raw index of the first byte no bit of which has been read. */
    int nextByteIndex() {
        return bitsLeft == 0 ? rawPos : curIndex + 1;
    }

    /** Ceil(Log2(x)) for x ≥ 1. */
    static int ceilLog2(long x) {
        int n = 0;
        while ((1L << n) < x) {
            n++;
        }
        return n;
    }
}

package org.splitcast.separation.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.splitcast.separation.selection.UnitClass;
import org.splitcast.separation.selection.UnitSelector;

/**
 * Splits a start-code delimited elementary stream (H.264 and HEVC Annex B byte streams, MPEG-1/2
 * video) into its units, across PES and transport packet boundaries, in one pass and without
 * copying the bulk of the data. The first bytes of each interesting unit (its header) are copied
 * aside until the subclass can parse them; from the point the subclass names (where the coded
 * data starts) the unit's bytes go to the selector. A unit ends at the next start code, so no run
 * ever reaches the next unit's header.
 */
abstract class StartCodeHandler extends EsHandler {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long LAST = 0x8000_0000_0000_0000L;
    private static final long FIRST = 0x80L;

    /** {@link #onHead} results. */
    protected static final int NEED_MORE = 0;

    protected static final int SKIP = 1;
    protected static final int SELECTED = 2;

    private static final int M_NONE = 0;
    private static final int M_FIRST = 1;
    private static final int M_COLLECT = 2;
    private static final int M_SELECT = 3;
    private static final int M_SKIP = 4;

    protected final byte[] head;
    private int zeros;
    private boolean inUnit;
    private int mode = M_NONE;
    private int headLen;
    private int headCap;
    private boolean headOverflow;
    private long unitPos;
    private long[] subStarts = new long[8];
    private int subCount;
    private int subNext;
    private UnitClass unitClass;

    StartCodeHandler(UnitSelector selector, int maxHead) {
        super(selector);
        head = new byte[maxHead];
    }

    /**
     * How many bytes of the unit to collect for {@link #onHead}, from its first byte (the NAL
     * header's first byte, or the MPEG start code value); 0 to ignore the unit.
     */
    protected abstract int headCapacity(int firstByte);

    /**
     * Tries to parse {@code head[0 .. len)}. Returns {@link #NEED_MORE}, {@link #SKIP} (nothing to
     * select in this unit) or {@link #SELECTED} after calling {@link #select}.
     */
    protected abstract int onHead(int len);

    /**
     * The unit is over.
     *
     * @param len bytes collected in {@link #head}
     * @param collecting whether the unit was still being collected (its head never parsed: for a
     *     parameter set that is the normal case, the whole unit is in {@code head})
     * @param overflow whether the unit was longer than {@link #headCapacity}
     */
    protected void onUnitEnd(int len, boolean collecting, boolean overflow) {}

    /** Coded data of class {@code cls} starts {@code dataStart} bytes into the unit. */
    protected final void select(UnitClass cls, long dataStart) {
        unitClass = cls;
        subCount = 0;
        subNext = 0;
        addSubUnit(dataStart);
    }

    /** A new independently decodable part (an HEVC substream) starts at this unit offset. */
    protected final void addSubUnit(long unitOffset) {
        if (subCount == subStarts.length) {
            subStarts = java.util.Arrays.copyOf(subStarts, subCount * 2);
        }
        subStarts[subCount++] = unitOffset;
    }

    @Override
    protected final void onPayload(byte[] buf, int off, int len, long streamOffset) {
        int end = off + len;
        int pieceStart = off;
        int i = off;
        while (i < end) {
            int code = findStartCode(buf, i, end);
            if (code < 0) {
                break;
            }
            if (inUnit) {
                deliver(buf, pieceStart, code - pieceStart, streamOffset + (pieceStart - off), false);
                endUnit();
            }
            startUnit();
            pieceStart = code + 1;
            i = code + 1;
        }
        if (inUnit && pieceStart < end) {
            deliver(buf, pieceStart, end - pieceStart, streamOffset + (pieceStart - off), true);
        }
    }

    /**
     * Index of the {@code 01} byte that completes the next start code ({@code 00 00 01}, zeros
     * possibly in earlier packets), or -1.
     *
     * <p>While at most one zero byte is pending, the scan reads 8-byte words and skips every word
     * that holds no two adjacent zero bytes, including across the boundary with the previous word:
     * a start code needs two. The zero test is the classic {@code (v - 0x01..) & ~v & 0x80..}: it
     * flags every zero byte, and may also flag a 01 that follows a zero, which only makes it more
     * cautious. A word without a pair that ends in a zero leaves exactly one zero pending.
     */
    private int findStartCode(byte[] b, int i, int end) {
        int z = zeros;
        while (i < end) {
            if (z <= 1) {
                boolean lastZero = z == 1;
                while (i + 8 <= end) {
                    long v = (long) LONGS.get(b, i);
                    long m = (v - ONES) & ~v & HIGHS;
                    if ((m & (m << 8)) != 0 || (lastZero && (m & FIRST) != 0)) {
                        break; // two zero bytes in a row (or a 00 01): look byte by byte
                    }
                    lastZero = (m & LAST) != 0;
                    i += 8;
                }
                z = lastZero ? 1 : 0;
            }
            for (int stop = Math.min(end, i + 8); i < stop; i++) {
                int v = b[i];
                if (v == 0) {
                    z++;
                } else if (v == 1 && z >= 2) {
                    zeros = 0;
                    return i;
                } else {
                    z = 0;
                }
            }
        }
        zeros = Math.min(z, 3);
        return -1;
    }

    private void startUnit() {
        inUnit = true;
        mode = M_FIRST;
        headLen = 0;
        headOverflow = false;
        unitPos = 0;
        subCount = 0;
        subNext = 0;
    }

    private void endUnit() {
        selector.end();
        if (mode == M_COLLECT || headOverflow) {
            onUnitEnd(headLen, mode == M_COLLECT, headOverflow);
        }
        mode = M_NONE;
        inUnit = false;
    }

    /** @param more whether the unit may go on after this piece (it ended at a packet's end) */
    private void deliver(byte[] buf, int off, int len, long streamOffset, boolean more) {
        if (len <= 0) {
            return;
        }
        if (mode == M_FIRST) {
            headCap = Math.min(headCapacity(buf[off] & 0xFF), head.length);
            mode = headCap > 0 ? M_COLLECT : M_SKIP;
        }
        if (mode == M_COLLECT) {
            int n = Math.min(len, headCap - headLen);
            System.arraycopy(buf, off, head, headLen, n);
            headLen += n;
            int r = onHead(headLen);
            if (r == SELECTED) {
                mode = M_SELECT;
            } else if (r == SKIP) {
                mode = M_SKIP;
            } else if (headLen == headCap && n < len) {
                headOverflow = true;
                mode = M_SKIP;
            }
        }
        if (mode == M_SELECT) {
            selectPiece(buf, off, len, streamOffset, more);
        }
        unitPos += len;
    }

    private void selectPiece(byte[] buf, int off, int len, long streamOffset, boolean more) {
        long p = unitPos;
        long end = unitPos + len;
        while (p < end) {
            if (subNext < subCount && subStarts[subNext] < end) {
                long boundary = subStarts[subNext];
                if (boundary > p) {
                    int at = (int) (p - unitPos);
                    selector.apply(buf, off + at, (int) (boundary - p), streamOffset + at);
                    p = boundary;
                }
                if (subNext == 0) {
                    selector.begin(unitClass);
                } else {
                    selector.beginSubstream(unitClass);
                }
                subNext++;
            } else {
                int at = (int) (p - unitPos);
                selector.apply(buf, off + at, (int) (end - p), streamOffset + at, more);
                p = end;
            }
        }
    }

    @Override
    public void discontinuity() {
        selector.end();
        inUnit = false;
        mode = M_NONE;
        zeros = 0;
        resyncs++;
    }

    @Override
    public void finish() {
        if (inUnit) {
            endUnit();
        }
        super.finish();
    }
}

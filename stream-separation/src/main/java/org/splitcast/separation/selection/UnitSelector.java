package org.splitcast.separation.selection;

/**
 * Picks and replaces the runs of one elementary stream, unit by unit, as its bytes stream by.
 * The codec handler marks where coded data starts ({@link #begin}) and ends ({@link #end}) and
 * hands over the unit's bytes in pieces ({@link #apply}); the selector decides, with the keyed
 * PRF and the shared budget, which of them become runs, records their originals and overwrites
 * them in place. Decisions only ever concern bytes not yet handed over, so a piece can be written
 * out as soon as {@code apply} returns.
 */
public final class UnitSelector {

    private final SelectionProfile profile;
    private final SelectionPrf prf;
    private final ShareBudget budget;
    private final RunRecorder recorder;
    private final ByteAlphabet alphabet;

    private boolean active;
    private int cls;
    private long pos;
    private long nextRun;
    private long runStart;
    private int runLen;
    private int headsLeft;
    private boolean hit;
    private boolean secondary;

    private long units;
    private long unitsHit;
    private long extractedBytes;
    private long replacedBytes;

    public UnitSelector(
            SelectionProfile profile,
            SelectionPrf prf,
            ShareBudget budget,
            RunRecorder recorder,
            ByteAlphabet alphabet) {
        this.profile = profile;
        this.prf = prf;
        this.budget = budget;
        this.recorder = recorder;
        this.alphabet = alphabet;
    }

    /** A unit of coded data starts with the next byte handed to {@link #apply}. */
    public void begin(UnitClass unitClass) {
        start(unitClass, false);
    }

    /**
     * A further substream of the same slice starts (HEVC with WPP or tiles: CABAC restarts at
     * each entry point): one head run, at a lower priority than the slice's own heads.
     */
    public void beginSubstream(UnitClass unitClass) {
        start(unitClass, true);
    }

    private void start(UnitClass unitClass, boolean substream) {
        if (active) {
            end();
        }
        active = true;
        cls = unitClass.ordinal();
        secondary = substream;
        pos = 0;
        runLen = 0;
        hit = false;
        units++;
        headsLeft = substream ? Math.min(1, profile.headRuns()[cls]) : profile.headRuns()[cls];
        nextRun = headsLeft > 0 ? prf.nextInt(profile.headOffsetMax() + 1) : spreadAfter(0);
    }

    /** The next bytes of the current unit; runs that fall in them are recorded and replaced. */
    public void apply(byte[] buf, int off, int len, long mainOffset) {
        apply(buf, off, len, mainOffset, false);
    }

    /**
     * As {@link #apply(byte[], int, int, long)}, knowing whether the unit goes on in the next
     * piece (the next transport packet): a run that would straddle the two then starts with the
     * next piece instead, so that it is stored as one run, not two.
     */
    public void apply(byte[] buf, int off, int len, long mainOffset, boolean unitContinues) {
        if (!active || len <= 0) {
            return;
        }
        long end = pos + len;
        while (true) {
            if (runLen > 0) {
                long s = Math.max(runStart, pos);
                long e = Math.min(runStart + runLen, end);
                if (s < e) {
                    int at = (int) (s - pos);
                    take(buf, off + at, (int) (e - s), mainOffset + at);
                }
                if (runStart + runLen > end) {
                    break;
                }
                runLen = 0;
            }
            if (nextRun >= end) {
                break;
            }
            if (unitContinues && nextRun + profile.runLength() > end) {
                nextRun = end; // whole in the next piece rather than cut by a packet header
                break;
            }
            startRun();
        }
        pos = end;
    }

    /** The current unit ends here (its NAL unit or frame is over): a run in progress stops. */
    public void end() {
        if (!active) {
            return;
        }
        if (runLen > 0) {
            long unused = runStart + runLen - Math.max(pos, runStart);
            if (unused > 0) {
                budget.refund((int) unused);
            }
            runLen = 0;
        }
        if (hit) {
            unitsHit++;
        }
        active = false;
    }

    private void startRun() {
        runStart = nextRun;
        int want = profile.runLength();
        if (headsLeft > 0) {
            headsLeft--;
            boolean intra = cls == UnitClass.INTRA.ordinal();
            // further substreams of intra slices keep the intra priority: their pictures are the
            // references of everything that follows
            int reserve = secondary && !intra ? profile.substreamReserve() : profile.headReserve()[cls];
            runLen = budget.grant(want, reserve, false);
            if (runLen == 0 && intra && !secondary && profile.halfIntraHeads()) {
                // an intra head settles for half a run rather than none (shorter runs would cost
                // as much framing as they carry)
                runLen = budget.grant(Math.max(1, want / 2), reserve, false);
            }
            nextRun = headsLeft > 0
                    ? runStart + want + prf.nextInt(profile.headGapMax()[cls] + 1)
                    : spreadAfter(runStart + want);
        } else {
            runLen = budget.grant(want, profile.spreadReserve(), false);
            nextRun = spreadAfter(runStart + want);
        }
    }

    private long spreadAfter(long from) {
        int mean = profile.spreadGapMean()[cls];
        return mean <= 0 ? Long.MAX_VALUE : from + prf.nextInt(2 * mean + 1);
    }

    private void take(byte[] buf, int off, int len, long mainOffset) {
        recorder.record(mainOffset, buf, off, len);
        for (int i = off, end = off + len; i < end; i++) {
            if (alphabet.eligible(buf[i] & 0xFF)) {
                buf[i] = alphabet.replacement(prf.nextByte());
                replacedBytes++;
            }
        }
        extractedBytes += len;
        hit = true;
    }

    /** Units begun so far. */
    public long units() {
        return units;
    }

    /** Units that got at least one extracted byte. */
    public long unitsHit() {
        return unitsHit;
    }

    public long extractedBytes() {
        return extractedBytes;
    }

    /**
     * Extracted bytes that were overwritten with a keystream value (the others, not eligible, such
     * as 00..03 in start-code streams, are the same in both streams).
     */
    public long replacedBytes() {
        return replacedBytes;
    }
}

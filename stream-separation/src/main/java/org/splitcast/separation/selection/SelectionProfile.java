package org.splitcast.separation.selection;

/**
 * Where the runs of extracted bytes go in one kind of coded unit, and which units come first when
 * the budget is short.
 *
 * <p>Every unit (slice, audio frame) gets head runs early in its data, where entropy decoding
 * starts: a wrong byte there derails the CABAC, CAVLC or VLC decoding of the whole rest of the
 * unit. Beyond the heads, spread runs at random gaps, denser in intra units, take whatever budget
 * is left. Each kind of request must leave a reserve of budget tokens for the more important ones:
 * intra heads need none, then predicted slices, audio frames, non-reference slices, further HEVC
 * substreams, spread runs.
 *
 * @param runLength bytes per run
 * @param headOffsetMax the first head run starts at a random offset in {@code [0, headOffsetMax]}
 * @param headRuns head runs per unit, by {@link UnitClass#ordinal()}
 * @param headGapMax random gap after each head run, in {@code [0, headGapMax]}, by class
 * @param spreadGapMean mean gap between spread runs (0: none), by class
 * @param headReserve tokens a head run must leave, by class
 * @param substreamReserve tokens the head of a further substream (HEVC WPP/tiles) must leave
 * @param spreadReserve tokens a spread run must leave
 * @param halfIntraHeads whether an intra head settles for half a run when a whole one is not
 *     available (worth it for one-slice pictures; not for MPEG-2's many small slices)
 */
public record SelectionProfile(
        int runLength,
        int headOffsetMax,
        int[] headRuns,
        int[] headGapMax,
        int[] spreadGapMean,
        int[] headReserve,
        int substreamReserve,
        int spreadReserve,
        boolean halfIntraHeads) {

    /** Budget reserves shared by all profiles, in bytes: the priority order across streams. */
    static final int RESERVE_PREDICTED = 64;

    static final int RESERVE_AUDIO = 128;
    static final int RESERVE_NON_REFERENCE = 192;
    static final int RESERVE_SUBSTREAM = 224;
    static final int RESERVE_SPREAD = 256;

    private static int[] reserves() {
        return new int[] {0, RESERVE_PREDICTED, RESERVE_NON_REFERENCE, RESERVE_AUDIO};
    }

    /**
     * Mean gap between spread runs so that, on their own, spread runs would take {@code weight}
     * times the target share of a unit's bytes (the budget then caps the total).
     */
    private static int spreadGap(int runLength, double share, double weight) {
        return (int) Math.min(1 << 20, Math.max(runLength, Math.round(runLength / (share * weight))));
    }

    /** H.264 and HEVC slices: intra units are spread densest. */
    public static SelectionProfile nalVideo(int runLength, double share) {
        return new SelectionProfile(
                runLength,
                3,
                new int[] {2, 1, 1, 0},
                new int[] {64, 0, 0, 0},
                new int[] {
                    spreadGap(runLength, share, 3), spreadGap(runLength, share, 1), spreadGap(runLength, share, 0.5), 0
                },
                reserves(),
                RESERVE_SUBSTREAM,
                RESERVE_SPREAD,
                true);
    }

    /** MPEG-1/2 video: one slice per macroblock row, so many small units: one head each. */
    public static SelectionProfile mpegVideo(int runLength, double share) {
        return new SelectionProfile(
                runLength,
                2,
                new int[] {1, 1, 1, 0},
                new int[] {0, 0, 0, 0},
                new int[] {
                    spreadGap(runLength, share, 2), spreadGap(runLength, share, 1), spreadGap(runLength, share, 0.5), 0
                },
                reserves(),
                RESERVE_SUBSTREAM,
                RESERVE_SPREAD,
                false);
    }

    /** Audio frames: one head run per frame, right after the frame header. */
    public static SelectionProfile audio(int runLength) {
        return new SelectionProfile(
                runLength,
                2,
                new int[] {0, 0, 0, 1},
                new int[] {0, 0, 0, 0},
                new int[] {0, 0, 0, 0},
                reserves(),
                RESERVE_SUBSTREAM,
                RESERVE_SPREAD,
                false);
    }
}

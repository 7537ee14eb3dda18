package org.splitcast.separation.selection;

/**
 * The share of the file that may be extracted, as a token bucket: every input byte adds {@code
 * share} of a token, every extracted byte takes one. Extraction therefore never exceeds {@code
 * share} of the bytes read so far, at any point of the stream, and in the whole file. Requests
 * name a reserve, the tokens they must leave for more important units (intra pictures first).
 */
public final class ShareBudget {

    private static final int SHIFT = 24;
    private static final long CAP_BYTES = 1 << 20;

    private final long ratePerByte;
    private long tokens;

    /** @param share fraction of the input, in [0, 0.5] */
    public ShareBudget(double share) {
        if (!(share >= 0 && share <= 0.5)) {
            throw new IllegalArgumentException("share must be in [0, 0.5]: " + share);
        }
        ratePerByte = (long) Math.floor(share * (1L << SHIFT));
    }

    /** Adds the tokens earned by {@code bytes} input bytes. */
    public void accrue(int bytes) {
        tokens = Math.min(CAP_BYTES << SHIFT, tokens + bytes * ratePerByte);
    }

    /**
     * Takes up to {@code want} tokens, leaving at least {@code reserve}.
     *
     * @param partial whether fewer than {@code want} tokens are worth taking
     * @return tokens granted (extracted bytes allowed), 0 if none
     */
    public int grant(int want, int reserve, boolean partial) {
        long available = (tokens >> SHIFT) - reserve;
        if (available <= 0 || (!partial && available < want)) {
            return 0;
        }
        int granted = (int) Math.min(want, available);
        tokens -= (long) granted << SHIFT;
        return granted;
    }

    /** Gives back tokens that were granted and not used. */
    public void refund(int bytes) {
        tokens += (long) bytes << SHIFT;
    }
}

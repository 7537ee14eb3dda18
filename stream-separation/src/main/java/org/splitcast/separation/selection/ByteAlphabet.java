package org.splitcast.separation.selection;

/**
 * Which original byte values may be replaced in a kind of coded payload, and which values may
 * replace them, so that the main stream's framing stays exactly the original's.
 *
 * <ul>
 *   <li>{@link #START_CODE_PAYLOAD} (H.264, HEVC, MPEG-1/2 video): a start code or an emulation
 *       prevention pattern is {@code 00 00 0x} with {@code x ≤ 3}. Bytes 0..3 are never replaced
 *       and replacements are 4..255: no three-byte window that contains a replaced byte can be, or
 *       can have been, such a pattern, so start codes, emulation prevention bytes and NAL
 *       boundaries are the original's, byte for byte.
 *   <li>{@link #AUDIO_PAYLOAD} (ADTS AAC, MPEG audio, AC-3): frames are found by their sync words
 *       ({@code FFF}, {@code FFE}, {@code 0B77}). Replacements are never {@code 0xF0..0xFF},
 *       {@code 0x0B} or {@code 0x77}, so no replaced byte can take part in a sync word.
 * </ul>
 */
public enum ByteAlphabet {
    START_CODE_PAYLOAD(4, 255, new int[0], 4),
    AUDIO_PAYLOAD(0, 0xEF, new int[] {0x0B, 0x77}, 0);

    private final byte[] replacement = new byte[256];
    private final int minEligible;

    ByteAlphabet(int low, int high, int[] excluded, int minEligible) {
        int[] values = new int[256];
        int n = 0;
        for (int v = low; v <= high; v++) {
            boolean skip = false;
            for (int x : excluded) {
                skip |= x == v;
            }
            if (!skip) {
                values[n++] = v;
            }
        }
        for (int b = 0; b < 256; b++) {
            replacement[b] = (byte) values[(b * n) >>> 8];
        }
        this.minEligible = minEligible;
    }

    /** Whether an original byte of this value may be replaced. */
    public boolean eligible(int original) {
        return original >= minEligible;
    }

    /** The replacement for a keystream byte (independent of the original). */
    public byte replacement(int keystreamByte) {
        return replacement[keystreamByte];
    }
}

package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitSelector;

/**
 * MPEG-1/2/2.5 audio layers I, II and III (ISO/IEC 11172-3, 13818-3): the 4-byte header and its
 * CRC are never touched; runs go into what follows (bit allocation, side information, samples).
 * Free-format streams are not followed.
 */
public final class MpegAudioHandler extends AudioFrameHandler {

    private static final int[][] BITRATE = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160} // MPEG-2/2.5 layers II, III
    };
    private static final int[] RATE = {44100, 48000, 32000};

    public MpegAudioHandler(UnitSelector selector) {
        super(selector);
    }

    @Override
    protected int headerLength(byte[] h, int len) {
        if ((h[0] & 0xFF) != 0xFF) {
            return INVALID;
        }
        if (len < 2) {
            return 4;
        }
        int version = (h[1] >> 3) & 3; // 0: 2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
        int layer = (h[1] >> 1) & 3; // 1: III, 2: II, 3: I
        if ((h[1] & 0xE0) != 0xE0 || version == 1 || layer == 0) {
            return INVALID;
        }
        int header = (h[1] & 1) == 0 ? 6 : 4;
        if (len < 3) {
            return header;
        }
        int bitrateIndex = (h[2] >> 4) & 0x0F;
        int rateIndex = (h[2] >> 2) & 3;
        if (bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return INVALID;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int bitrate = BITRATE[table][bitrateIndex] * 1000;
        int rate = RATE[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int padding = (h[2] >> 1) & 1;
        int length;
        if (layer == 3) {
            length = (12 * bitrate / rate + padding) * 4;
        } else if (layer == 1 && !mpeg1) {
            length = 72 * bitrate / rate + padding;
        } else {
            length = 144 * bitrate / rate + padding;
        }
        if (length <= header) {
            return INVALID;
        }
        frameLength = length;
        return header;
    }
}

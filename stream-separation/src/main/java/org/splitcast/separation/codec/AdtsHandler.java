package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitSelector;

/**
 * AAC in ADTS frames (ISO/IEC 13818-7, 6.2): the 7-byte fixed and variable header, plus the CRC
 * (and raw data block positions) when protection_absent is 0, is never touched; runs go into the
 * raw data blocks.
 */
public final class AdtsHandler extends AudioFrameHandler {

    public AdtsHandler(UnitSelector selector) {
        super(selector);
    }

    @Override
    protected int headerLength(byte[] h, int len) {
        if ((h[0] & 0xFF) != 0xFF) {
            return INVALID;
        }
        if (len < 2) {
            return 7;
        }
        if ((h[1] & 0xF6) != 0xF0) { // sync continued, layer 00
            return INVALID;
        }
        boolean crc = (h[1] & 1) == 0;
        if (len < 7) {
            return 7;
        }
        if (((h[2] >> 2) & 0x0F) > 12) { // sampling_frequency_index
            return INVALID;
        }
        int length = ((h[3] & 0x03) << 11) | ((h[4] & 0xFF) << 3) | ((h[5] & 0xFF) >> 5);
        int blocks = h[6] & 0x03;
        int header = crc ? 7 + 2 * blocks + 2 : 7;
        if (length <= header) {
            return INVALID;
        }
        frameLength = length;
        return header;
    }
}

package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitSelector;

/**
 * AC-3 (ATSC A/52, 5.3): syncinfo and the whole bit stream information are never touched; runs
 * start at the first whole byte of the first audio block. E-AC-3 frames (bsid above 10) are not
 * followed.
 */
public final class Ac3Handler extends AudioFrameHandler {

    private static final int[] KBPS = {
        32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 576, 640
    };

    public Ac3Handler(UnitSelector selector) {
        super(selector);
    }

    /** Frame size in bytes for frmsizecod and fscod (A/52 table 5.18). */
    static int frameBytes(int frmsizecod, int fscod) {
        int kbps = KBPS[frmsizecod >> 1];
        switch (fscod) {
            case 0:
                return kbps * 4;
            case 1:
                return (kbps * 96_000 / 44_100 + (frmsizecod & 1)) * 2;
            default:
                return kbps * 6;
        }
    }

    @Override
    protected int headerLength(byte[] h, int len) {
        if ((h[0] & 0xFF) != 0x0B) {
            return INVALID;
        }
        if (len < 2) {
            return 7;
        }
        if ((h[1] & 0xFF) != 0x77) {
            return INVALID;
        }
        if (len < 6) {
            return 7;
        }
        int fscod = (h[4] & 0xFF) >> 6;
        int frmsizecod = h[4] & 0x3F;
        int bsid = (h[5] & 0xFF) >> 3;
        if (fscod == 3 || frmsizecod > 37 || bsid > 10) {
            return INVALID;
        }
        try {
            BitReader r = new BitReader(h, 5, len, false);
            r.u(5); // bsid
            r.u(3); // bsmod
            int acmod = r.u(3);
            if ((acmod & 1) != 0 && acmod != 1) {
                r.u(2); // cmixlev
            }
            if ((acmod & 4) != 0) {
                r.u(2); // surmixlev
            }
            if (acmod == 2) {
                r.u(2); // dsurmod
            }
            r.bit(); // lfeon
            for (int channel = 0; channel < (acmod == 0 ? 2 : 1); channel++) {
                r.u(5); // dialnorm
                if (r.flag()) {
                    r.u(8); // compr
                }
                if (r.flag()) {
                    r.u(8); // langcod
                }
                if (r.flag()) {
                    r.u(7); // mixlevel, roomtyp
                }
            }
            r.bit(); // copyrightb
            r.bit(); // origbs
            if (r.flag()) {
                r.u(14); // timecod1 / xbsi1
            }
            if (r.flag()) {
                r.u(14); // timecod2 / xbsi2
            }
            if (r.flag()) {
                r.skip((r.u(6) + 1) * 8L); // addbsi
            }
            int header = r.nextByteIndex();
            int length = frameBytes(frmsizecod, fscod);
            if (length <= header) {
                return INVALID;
            }
            frameLength = length;
            return header;
        } catch (BitReader.EndOfData e) {
            return len + 1;
        }
    }
}

package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitClass;
import org.splitcast.separation.selection.UnitSelector;

/**
 * MPEG-1 and MPEG-2 video (ISO/IEC 11172-2, 13818-2): follows sequence headers and extensions (for
 * the picture height and data partitioning) and picture headers (for the picture coding type),
 * parses each slice header (6.2.4: quantiser scale, intra slice, extra information) and lets runs
 * start at the first whole byte of macroblock data. A slice covers at most one macroblock row, so
 * every slice is a unit with its own head run. Sequence, GOP, picture and extension headers and
 * user data are never touched.
 */
public final class Mpeg2VideoHandler extends StartCodeHandler {

    private static final int PICTURE = 0x00;
    private static final int USER_DATA = 0xB2;
    private static final int SEQUENCE_HEADER = 0xB3;
    private static final int EXTENSION = 0xB5;

    private int code;
    private int width;
    private int height;
    private boolean mpeg2;
    private boolean dataPartitioning;
    private UnitClass pictureClass = UnitClass.PREDICTED;

    public Mpeg2VideoHandler(UnitSelector selector) {
        super(selector, 64);
    }

    @Override
    public String resolution() {
        return width > 0 ? width + "x" + height : null;
    }

    @Override
    protected int headCapacity(int firstByte) {
        code = firstByte;
        if (code >= 0x01 && code <= 0xAF) {
            units++;
            return 16;
        }
        return code == PICTURE || code == SEQUENCE_HEADER || code == EXTENSION ? 12 : 0;
    }

    @Override
    protected int onHead(int len) {
        try {
            return parse(len);
        } catch (BitReader.EndOfData e) {
            return NEED_MORE;
        } catch (BitReader.Malformed e) {
            if (code >= 0x01 && code <= 0xAF) {
                skippedUnits++;
            }
            return SKIP;
        }
    }

    @Override
    protected void onUnitEnd(int len, boolean collecting, boolean overflow) {
        if (code >= 0x01 && code <= 0xAF) {
            skippedUnits++;
        }
    }

    private int parse(int len) {
        if (code >= 0x01 && code <= 0xAF && len >= 2 && height <= 2800 && !dataPartitioning && (head[1] & 0x04) == 0) {
            // the usual slice: quantiser_scale_code, then extra_bit_slice = 0 (6 bits in all)
            BitReader.check((head[1] & 0xF8) != 0);
            select(pictureClass, 2);
            return SELECTED;
        }
        BitReader r = new BitReader(head, 1, len, false);
        if (code == PICTURE) {
            r.u(10); // temporal_reference
            int type = r.u(3);
            BitReader.check(type >= 1 && type <= 4);
            pictureClass = type == 1 || type == 4
                    ? UnitClass.INTRA
                    : type == 2 ? UnitClass.PREDICTED : UnitClass.NON_REFERENCE;
            return SKIP;
        }
        if (code == SEQUENCE_HEADER) {
            width = r.u(12);
            height = r.u(12);
            mpeg2 = false;
            dataPartitioning = false;
            return SKIP;
        }
        if (code == EXTENSION) {
            int id = r.u(4);
            if (id == 1) { // sequence_extension
                r.u(8);
                r.bit();
                r.u(2);
                width |= r.u(2) << 12;
                height |= r.u(2) << 12;
                mpeg2 = true;
            } else if (id == 5) { // sequence_scalable_extension
                dataPartitioning = r.u(2) == 0;
            }
            return SKIP;
        }
        // slice(): 6.2.4 (MPEG-2) and 2.4.2.4 (MPEG-1)
        if (mpeg2 && height > 2800) {
            r.u(3); // slice_vertical_position_extension
        }
        if (dataPartitioning) {
            r.u(7); // priority_breakpoint
        }
        BitReader.check(r.u(5) != 0); // quantiser_scale_code
        if (mpeg2 && r.flag()) { // intra_slice_flag
            r.bit(); // intra_slice
            r.u(7); // reserved_bits
            while (r.flag()) { // extra_bit_slice
                r.u(8);
            }
        } else if (!mpeg2) {
            while (r.flag()) {
                r.u(8);
            }
        }
        select(pictureClass, r.nextByteIndex());
        return SELECTED;
    }
}

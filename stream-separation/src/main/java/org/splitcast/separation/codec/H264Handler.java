package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitClass;
import org.splitcast.separation.selection.UnitSelector;

/**
 * H.264/AVC (ITU-T H.264, Annex B byte stream): keeps the SPS and PPS it sees, parses every slice
 * header of coded slice NAL units (types 1 and 5) with them (7.3.3: reference list modification,
 * weighted prediction table, reference picture marking, CABAC alignment) and lets runs start
 * only after the header's last bit. NAL unit headers, parameter sets, SEI, AUD and slice headers
 * are never touched. Slices whose header cannot be parsed (unknown PPS, data partitioning, MVC
 * extensions) are left alone and counted.
 */
public final class H264Handler extends StartCodeHandler {

    private static final int SLICE_HEAD = 1024;
    private static final int PARAMETER_SET_HEAD = 4096;

    private static final int P = 0;
    private static final int B = 1;
    private static final int I = 2;
    private static final int SP = 3;
    private static final int SI = 4;

    private final Sps[] spsTable = new Sps[32];
    private final Pps[] ppsTable = new Pps[256];
    private int nalType;
    private int nalRefIdc;
    private String resolution;

    public H264Handler(UnitSelector selector) {
        super(selector, PARAMETER_SET_HEAD);
    }

    @Override
    public String resolution() {
        return resolution;
    }

    @Override
    protected int headCapacity(int firstByte) {
        if ((firstByte & 0x80) != 0) {
            return 0; // forbidden_zero_bit set: not a NAL unit we understand
        }
        nalType = firstByte & 0x1F;
        nalRefIdc = (firstByte >> 5) & 3;
        switch (nalType) {
            case 1:
            case 5:
                units++;
                return SLICE_HEAD;
            case 7:
            case 8:
                return PARAMETER_SET_HEAD;
            default:
                return 0;
        }
    }

    @Override
    protected int onHead(int len) {
        if (nalType == 7 || nalType == 8) {
            return NEED_MORE; // parsed whole at the end of the unit
        }
        try {
            return parseSlice(len);
        } catch (BitReader.EndOfData e) {
            return NEED_MORE;
        } catch (BitReader.Malformed e) {
            skippedUnits++;
            return SKIP;
        }
    }

    @Override
    protected void onUnitEnd(int len, boolean collecting, boolean overflow) {
        if (nalType == 1 || nalType == 5) {
            skippedUnits++;
            return;
        }
        if (!collecting || overflow) {
            return;
        }
        try {
            if (nalType == 7) {
                Sps sps = parseSps(head, len);
                spsTable[sps.id] = sps;
                resolution = sps.width + "x" + sps.height;
            } else {
                Pps pps = parsePps(head, len);
                ppsTable[pps.id] = pps;
            }
        } catch (BitReader.EndOfData | BitReader.Malformed e) {
            // a parameter set we cannot read: slices that use it will be skipped
        }
    }

    /** Sequence parameter set fields the slice header needs (7.3.2.1.1). */
    static final class Sps {
        int id;
        int chromaArrayType;
        boolean separateColourPlane;
        int bitDepthLuma;
        int log2MaxFrameNum;
        int pocType;
        int log2MaxPocLsb;
        boolean deltaPicOrderAlwaysZero;
        boolean frameMbsOnly;
        int widthMbs;
        int heightMapUnits;
        int width;
        int height;
    }

    /** Picture parameter set fields the slice header needs (7.3.2.2). */
    static final class Pps {
        int id;
        int spsId;
        boolean cabac;
        boolean bottomFieldPicOrderPresent;
        int numSliceGroupsMinus1;
        int sliceGroupMapType;
        int sliceGroupChangeRateMinus1;
        int numRefIdxL0DefaultMinus1;
        int numRefIdxL1DefaultMinus1;
        boolean weightedPred;
        int weightedBipredIdc;
        int picInitQpMinus26;
        boolean deblockingFilterControlPresent;
        boolean redundantPicCntPresent;
    }

    static Sps parseSps(byte[] b, int len) {
        BitReader r = new BitReader(b, 1, len, true);
        Sps s = new Sps();
        int profile = r.u(8);
        r.u(16); // constraint flags, level
        s.id = r.ue(31);
        int chromaFormat = 1;
        s.bitDepthLuma = 8;
        if (profile == 100
                || profile == 110
                || profile == 122
                || profile == 244
                || profile == 44
                || profile == 83
                || profile == 86
                || profile == 118
                || profile == 128
                || profile == 138
                || profile == 139
                || profile == 134
                || profile == 135) {
            chromaFormat = r.ue(3);
            if (chromaFormat == 3) {
                s.separateColourPlane = r.flag();
            }
            s.bitDepthLuma = 8 + r.ue(6);
            r.ue(6); // bit_depth_chroma_minus8
            r.bit(); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        s.chromaArrayType = s.separateColourPlane ? 0 : chromaFormat;
        s.log2MaxFrameNum = r.ue(12) + 4;
        s.pocType = r.ue(2);
        if (s.pocType == 0) {
            s.log2MaxPocLsb = r.ue(12) + 4;
        } else if (s.pocType == 1) {
            s.deltaPicOrderAlwaysZero = r.flag();
            r.se();
            r.se();
            int n = r.ue(255);
            for (int i = 0; i < n; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.bit(); // gaps_in_frame_num_value_allowed_flag
        s.widthMbs = r.ue(1 << 14) + 1;
        s.heightMapUnits = r.ue(1 << 14) + 1;
        s.frameMbsOnly = r.flag();
        if (!s.frameMbsOnly) {
            r.bit(); // mb_adaptive_frame_field_flag
        }
        r.bit(); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.flag()) {
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        int frameHeightFactor = s.frameMbsOnly ? 1 : 2;
        int cropUnitX = s.chromaArrayType == 0 ? 1 : (chromaFormat == 3 ? 1 : 2);
        int cropUnitY = (s.chromaArrayType == 0 ? 1 : (chromaFormat == 1 ? 2 : 1)) * frameHeightFactor;
        s.width = s.widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        s.height = s.heightMapUnits * 16 * frameHeightFactor - cropUnitY * (cropTop + cropBottom);
        return s;
    }

    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                int delta = r.se();
                BitReader.check(delta >= -128 && delta <= 127);
                next = (last + delta + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    static Pps parsePps(byte[] b, int len) {
        BitReader r = new BitReader(b, 1, len, true);
        Pps p = new Pps();
        p.id = r.ue(255);
        p.spsId = r.ue(31);
        p.cabac = r.flag();
        p.bottomFieldPicOrderPresent = r.flag();
        p.numSliceGroupsMinus1 = r.ue(7);
        if (p.numSliceGroupsMinus1 > 0) {
            p.sliceGroupMapType = r.ue(6);
            if (p.sliceGroupMapType == 0) {
                for (int i = 0; i <= p.numSliceGroupsMinus1; i++) {
                    r.ue();
                }
            } else if (p.sliceGroupMapType == 2) {
                for (int i = 0; i < p.numSliceGroupsMinus1; i++) {
                    r.ue();
                    r.ue();
                }
            } else if (p.sliceGroupMapType >= 3 && p.sliceGroupMapType <= 5) {
                r.bit();
                p.sliceGroupChangeRateMinus1 = r.ue();
            } else if (p.sliceGroupMapType == 6) {
                int n = r.ue(1 << 20) + 1;
                int bits = BitReader.ceilLog2(p.numSliceGroupsMinus1 + 1);
                r.skip((long) n * bits);
            }
        }
        p.numRefIdxL0DefaultMinus1 = r.ue(31);
        p.numRefIdxL1DefaultMinus1 = r.ue(31);
        p.weightedPred = r.flag();
        p.weightedBipredIdc = r.u(2);
        BitReader.check(p.weightedBipredIdc <= 2);
        p.picInitQpMinus26 = r.se();
        r.se(); // pic_init_qs_minus26
        r.se(); // chroma_qp_index_offset
        p.deblockingFilterControlPresent = r.flag();
        r.bit(); // constrained_intra_pred_flag
        p.redundantPicCntPresent = r.flag();
        return p;
    }

    /** 7.3.3 slice_header(), then CABAC alignment: where slice_data() begins. */
    private int parseSlice(int len) {
        BitReader r = new BitReader(head, 1, len, true);
        boolean idr = nalType == 5;
        int firstMb = r.ue();
        int sliceType = r.ue(9) % 5;
        Pps pps = ppsTable[r.ue(255)];
        BitReader.check(pps != null);
        Sps sps = spsTable[pps.spsId];
        BitReader.check(sps != null);
        BitReader.check(firstMb < sps.widthMbs * sps.heightMapUnits * (sps.frameMbsOnly ? 1 : 2));
        BitReader.check(!idr || sliceType == I || sliceType == SI);
        if (sps.separateColourPlane) {
            r.u(2);
        }
        r.u(sps.log2MaxFrameNum);
        boolean field = false;
        if (!sps.frameMbsOnly) {
            field = r.flag();
            if (field) {
                r.bit();
            }
        }
        if (idr) {
            r.ue(65535);
        }
        if (sps.pocType == 0) {
            r.u(sps.log2MaxPocLsb);
            if (pps.bottomFieldPicOrderPresent && !field) {
                r.se();
            }
        }
        if (sps.pocType == 1 && !sps.deltaPicOrderAlwaysZero) {
            r.se();
            if (pps.bottomFieldPicOrderPresent && !field) {
                r.se();
            }
        }
        if (pps.redundantPicCntPresent) {
            r.ue(127);
        }
        if (sliceType == B) {
            r.bit(); // direct_spatial_mv_pred_flag
        }
        int l0 = pps.numRefIdxL0DefaultMinus1 + 1;
        int l1 = pps.numRefIdxL1DefaultMinus1 + 1;
        if (sliceType == P || sliceType == SP || sliceType == B) {
            if (r.flag()) {
                l0 = r.ue(31) + 1;
                if (sliceType == B) {
                    l1 = r.ue(31) + 1;
                }
            }
        }
        if (sliceType != I && sliceType != SI) {
            refPicListModification(r);
            if (sliceType == B) {
                refPicListModification(r);
            }
        }
        if ((pps.weightedPred && (sliceType == P || sliceType == SP))
                || (pps.weightedBipredIdc == 1 && sliceType == B)) {
            predWeightTable(r, sps.chromaArrayType, l0, sliceType == B ? l1 : 0);
        }
        if (nalRefIdc != 0) {
            decRefPicMarking(r, idr);
        }
        if (pps.cabac && sliceType != I && sliceType != SI) {
            r.ue(2); // cabac_init_idc
        }
        int qp = 26 + pps.picInitQpMinus26 + r.se();
        BitReader.check(qp >= -6 * (sps.bitDepthLuma - 8) && qp <= 51);
        if (sliceType == SP || sliceType == SI) {
            if (sliceType == SP) {
                r.bit();
            }
            r.se();
        }
        if (pps.deblockingFilterControlPresent) {
            int idc = r.ue(6);
            if (idc != 1) {
                r.se();
                r.se();
            }
        }
        if (pps.numSliceGroupsMinus1 > 0 && pps.sliceGroupMapType >= 3 && pps.sliceGroupMapType <= 5) {
            long mapUnits = (long) sps.widthMbs * sps.heightMapUnits;
            long rate = pps.sliceGroupChangeRateMinus1 + 1L;
            int bits = 0;
            while ((rate << bits) < mapUnits + rate) {
                bits++;
            }
            r.u(bits);
        }
        if (pps.cabac) {
            while (!r.byteAligned()) {
                BitReader.check(r.bit() == 1); // cabac_alignment_one_bit
            }
        }
        UnitClass cls;
        if (idr || sliceType == I || sliceType == SI) {
            cls = UnitClass.INTRA;
        } else if (nalRefIdc == 0) {
            cls = UnitClass.NON_REFERENCE;
        } else {
            cls = UnitClass.PREDICTED;
        }
        select(cls, r.nextByteIndex());
        return SELECTED;
    }

    private static void refPicListModification(BitReader r) {
        if (r.flag()) {
            for (int i = 0; ; i++) {
                BitReader.check(i <= 64);
                int idc = r.ue(5);
                if (idc == 3) {
                    break;
                }
                r.ue();
            }
        }
    }

    private static void predWeightTable(BitReader r, int chromaArrayType, int l0, int l1) {
        r.ue(7); // luma_log2_weight_denom
        if (chromaArrayType != 0) {
            r.ue(7);
        }
        for (int list = 0; list < 2; list++) {
            int n = list == 0 ? l0 : l1;
            for (int i = 0; i < n; i++) {
                if (r.flag()) {
                    r.se();
                    r.se();
                }
                if (chromaArrayType != 0 && r.flag()) {
                    r.se();
                    r.se();
                    r.se();
                    r.se();
                }
            }
        }
    }

    private static void decRefPicMarking(BitReader r, boolean idr) {
        if (idr) {
            r.bit();
            r.bit();
            return;
        }
        if (r.flag()) {
            for (int i = 0; ; i++) {
                BitReader.check(i <= 66);
                int op = r.ue(6);
                if (op == 0) {
                    break;
                }
                if (op == 1 || op == 3) {
                    r.ue();
                }
                if (op == 2) {
                    r.ue();
                }
                if (op == 3 || op == 6) {
                    r.ue();
                }
                if (op == 4) {
                    r.ue();
                }
            }
        }
    }
}

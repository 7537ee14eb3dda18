package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitClass;
import org.splitcast.separation.selection.UnitSelector;

/**
 * HEVC (ITU-T H.265, Annex B byte stream): keeps SPS and PPS, parses every slice segment header
 * of the base layer (7.3.6: short-term reference picture sets, long-term pictures, list
 * modification, weighted prediction, entry points, byte_alignment) and lets runs start after it.
 * With WPP or tiles a slice's data is several substreams whose CABAC decoder starts afresh at
 * each entry point: every substream is a unit of its own and gets its head runs. VPS, SPS, PPS,
 * SEI and the NAL and slice segment headers are never touched.
 */
public final class HevcHandler extends StartCodeHandler {

    private static final int HEAD = 8192;
    private static final int B = 0;
    private static final int P = 1;
    private static final int I = 2;

    private final Sps[] spsTable = new Sps[16];
    private final Pps[] ppsTable = new Pps[64];
    private int nalType;
    private UnitClass lastIndependentClass = UnitClass.PREDICTED;
    private String resolution;

    public HevcHandler(UnitSelector selector) {
        super(selector, HEAD);
    }

    @Override
    public String resolution() {
        return resolution;
    }

    @Override
    protected int headCapacity(int firstByte) {
        if ((firstByte & 0x80) != 0) {
            return 0;
        }
        nalType = (firstByte >> 1) & 0x3F;
        if (isSlice(nalType)) {
            units++;
            return HEAD;
        }
        return nalType == 33 || nalType == 34 ? HEAD : 0;
    }

    private static boolean isSlice(int type) {
        return type <= 9 || (type >= 16 && type <= 21);
    }

    @Override
    protected int onHead(int len) {
        if (!isSlice(nalType)) {
            return NEED_MORE;
        }
        try {
            if (len < 2) {
                return NEED_MORE;
            }
            if (layerId() != 0) {
                return SKIP; // enhancement layers (SHVC/MV-HEVC) are not parsed
            }
            return parseSlice(len);
        } catch (BitReader.EndOfData e) {
            return NEED_MORE;
        } catch (BitReader.Malformed e) {
            skippedUnits++;
            return SKIP;
        }
    }

    private int layerId() {
        return ((head[0] & 1) << 5) | ((head[1] & 0xFF) >> 3);
    }

    @Override
    protected void onUnitEnd(int len, boolean collecting, boolean overflow) {
        if (isSlice(nalType)) {
            skippedUnits++;
            return;
        }
        if (!collecting || overflow || len < 3 || layerId() != 0) {
            return;
        }
        try {
            if (nalType == 33) {
                Sps sps = parseSps(head, len);
                spsTable[sps.id] = sps;
                resolution = sps.width + "x" + sps.height;
            } else {
                Pps pps = parsePps(head, len);
                ppsTable[pps.id] = pps;
            }
        } catch (BitReader.EndOfData | BitReader.Malformed e) {
            // unreadable: slices that refer to it are skipped
        }
    }

    /** A short-term reference picture set (7.3.7, 7.4.8). */
    static final class StRps {
        int numNegative;
        int numPositive;
        int[] deltaPoc0 = new int[0];
        boolean[] used0 = new boolean[0];
        int[] deltaPoc1 = new int[0];
        boolean[] used1 = new boolean[0];

        int numDelta() {
            return numNegative + numPositive;
        }

        int usedCount() {
            int n = 0;
            for (boolean u : used0) {
                n += u ? 1 : 0;
            }
            for (boolean u : used1) {
                n += u ? 1 : 0;
            }
            return n;
        }
    }

    static final class Sps {
        int id;
        int chromaArrayType;
        boolean separateColourPlane;
        int bitDepthLuma;
        int width;
        int height;
        int log2MaxPocLsb;
        StRps[] stRps;
        boolean longTermPresent;
        int numLongTermSps;
        boolean[] ltUsedSps;
        boolean temporalMvp;
        boolean sao;
        int picSizeInCtbs;
        boolean unsupported;
    }

    static final class Pps {
        int id;
        int spsId;
        boolean dependentSliceSegments;
        boolean outputFlagPresent;
        int numExtraSliceHeaderBits;
        boolean cabacInitPresent;
        int numRefIdxL0DefaultMinus1;
        int numRefIdxL1DefaultMinus1;
        int initQpMinus26;
        boolean sliceChromaQpOffsetsPresent;
        boolean weightedPred;
        boolean weightedBipred;
        boolean tiles;
        boolean entropyCodingSync;
        boolean loopFilterAcrossSlices;
        boolean deblockingOverrideEnabled;
        boolean deblockingDisabled;
        boolean listsModificationPresent;
        boolean sliceHeaderExtensionPresent;
        boolean chromaQpOffsetListEnabled;
        boolean unsupported;
    }

    private static void profileTierLevel(BitReader r, int maxSubLayersMinus1, Sps s) {
        r.u(2); // general_profile_space
        r.bit(); // general_tier_flag
        int profile = r.u(5);
        s.unsupported |= profile >= 9; // screen content and later: slice syntax not followed here
        r.bits(32);
        r.bits(32);
        r.bits(16); // flags and reserved bits: 4 + 43 + 1
        r.u(8); // general_level_idc
        boolean[] profilePresent = new boolean[8];
        boolean[] levelPresent = new boolean[8];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            for (int i = maxSubLayersMinus1; i < 8; i++) {
                r.u(2);
            }
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skip(88);
            }
            if (levelPresent[i]) {
                r.u(8);
            }
        }
    }

    private static void scalingListData(BitReader r) {
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
                if (!r.flag()) {
                    r.ue(); // scaling_list_pred_matrix_id_delta
                } else {
                    int coefNum = Math.min(64, 1 << (4 + (sizeId << 1)));
                    if (sizeId > 1) {
                        r.se();
                    }
                    for (int i = 0; i < coefNum; i++) {
                        r.se();
                    }
                }
            }
        }
    }

    static Sps parseSps(byte[] b, int len) {
        BitReader r = new BitReader(b, 2, len, true);
        Sps s = new Sps();
        r.u(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.u(3);
        BitReader.check(maxSubLayersMinus1 <= 6);
        r.bit();
        profileTierLevel(r, maxSubLayersMinus1, s);
        s.id = r.ue(15);
        int chroma = r.ue(3);
        if (chroma == 3) {
            s.separateColourPlane = r.flag();
        }
        s.chromaArrayType = s.separateColourPlane ? 0 : chroma;
        int picWidth = r.ue(1 << 16);
        int picHeight = r.ue(1 << 16);
        int subWidth = chroma == 1 || chroma == 2 ? 2 : 1;
        int subHeight = chroma == 1 ? 2 : 1;
        s.width = picWidth;
        s.height = picHeight;
        if (r.flag()) { // conformance_window_flag
            int left = r.ue();
            int right = r.ue();
            int top = r.ue();
            int bottom = r.ue();
            s.width -= subWidth * (left + right);
            s.height -= subHeight * (top + bottom);
        }
        s.bitDepthLuma = 8 + r.ue(8);
        r.ue(8); // bit_depth_chroma_minus8
        s.log2MaxPocLsb = r.ue(12) + 4;
        boolean orderingInfo = r.flag();
        for (int i = orderingInfo ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++) {
            r.ue();
            r.ue();
            r.ue();
        }
        int log2MinCb = r.ue(4) + 3;
        int log2Ctb = log2MinCb + r.ue(3);
        BitReader.check(log2Ctb <= 6);
        r.ue(); // log2_min_luma_transform_block_size_minus2
        r.ue(); // log2_diff_max_min_luma_transform_block_size
        r.ue(); // max_transform_hierarchy_depth_inter
        r.ue(); // max_transform_hierarchy_depth_intra
        if (r.flag() && r.flag()) { // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
            scalingListData(r);
        }
        r.bit(); // amp_enabled_flag
        s.sao = r.flag();
        if (r.flag()) { // pcm_enabled_flag
            r.u(4);
            r.u(4);
            r.ue();
            r.ue();
            r.bit();
        }
        int numStRps = r.ue(64);
        s.stRps = new StRps[numStRps];
        for (int i = 0; i < numStRps; i++) {
            s.stRps[i] = stRefPicSet(r, i, numStRps, s.stRps);
        }
        s.longTermPresent = r.flag();
        if (s.longTermPresent) {
            s.numLongTermSps = r.ue(32);
            s.ltUsedSps = new boolean[s.numLongTermSps];
            for (int i = 0; i < s.numLongTermSps; i++) {
                r.u(s.log2MaxPocLsb);
                s.ltUsedSps[i] = r.flag();
            }
        }
        s.temporalMvp = r.flag();
        int ctb = 1 << log2Ctb;
        s.picSizeInCtbs = ((picWidth + ctb - 1) / ctb) * ((picHeight + ctb - 1) / ctb);
        return s;
    }

    /** st_ref_pic_set(stRpsIdx) with the derivation of 7.4.8 for inter RPS prediction. */
    static StRps stRefPicSet(BitReader r, int idx, int numStRps, StRps[] sets) {
        StRps out = new StRps();
        boolean interPrediction = idx != 0 && r.flag();
        if (interPrediction) {
            int deltaIdxMinus1 = idx == numStRps ? r.ue(idx - 1) : 0;
            int sign = r.bit();
            int absDelta = r.ue(1 << 15) + 1;
            int deltaRps = (1 - 2 * sign) * absDelta;
            StRps ref = sets[idx - (deltaIdxMinus1 + 1)];
            BitReader.check(ref != null);
            int n = ref.numDelta();
            boolean[] usedByCurr = new boolean[n + 1];
            boolean[] useDelta = new boolean[n + 1];
            for (int j = 0; j <= n; j++) {
                usedByCurr[j] = r.flag();
                useDelta[j] = usedByCurr[j] || r.flag();
            }
            int[] d0 = new int[n + 1];
            boolean[] u0 = new boolean[n + 1];
            int i = 0;
            for (int j = ref.numPositive - 1; j >= 0; j--) {
                int dPoc = ref.deltaPoc1[j] + deltaRps;
                if (dPoc < 0 && useDelta[ref.numNegative + j]) {
                    d0[i] = dPoc;
                    u0[i++] = usedByCurr[ref.numNegative + j];
                }
            }
            if (deltaRps < 0 && useDelta[n]) {
                d0[i] = deltaRps;
                u0[i++] = usedByCurr[n];
            }
            for (int j = 0; j < ref.numNegative; j++) {
                int dPoc = ref.deltaPoc0[j] + deltaRps;
                if (dPoc < 0 && useDelta[j]) {
                    d0[i] = dPoc;
                    u0[i++] = usedByCurr[j];
                }
            }
            out.numNegative = i;
            out.deltaPoc0 = java.util.Arrays.copyOf(d0, i);
            out.used0 = java.util.Arrays.copyOf(u0, i);
            int[] d1 = new int[n + 1];
            boolean[] u1 = new boolean[n + 1];
            i = 0;
            for (int j = ref.numNegative - 1; j >= 0; j--) {
                int dPoc = ref.deltaPoc0[j] + deltaRps;
                if (dPoc > 0 && useDelta[j]) {
                    d1[i] = dPoc;
                    u1[i++] = usedByCurr[j];
                }
            }
            if (deltaRps > 0 && useDelta[n]) {
                d1[i] = deltaRps;
                u1[i++] = usedByCurr[n];
            }
            for (int j = 0; j < ref.numPositive; j++) {
                int dPoc = ref.deltaPoc1[j] + deltaRps;
                if (dPoc > 0 && useDelta[ref.numNegative + j]) {
                    d1[i] = dPoc;
                    u1[i++] = usedByCurr[ref.numNegative + j];
                }
            }
            out.numPositive = i;
            out.deltaPoc1 = java.util.Arrays.copyOf(d1, i);
            out.used1 = java.util.Arrays.copyOf(u1, i);
        } else {
            out.numNegative = r.ue(16);
            out.numPositive = r.ue(16);
            out.deltaPoc0 = new int[out.numNegative];
            out.used0 = new boolean[out.numNegative];
            int poc = 0;
            for (int i = 0; i < out.numNegative; i++) {
                poc -= r.ue(1 << 15) + 1;
                out.deltaPoc0[i] = poc;
                out.used0[i] = r.flag();
            }
            out.deltaPoc1 = new int[out.numPositive];
            out.used1 = new boolean[out.numPositive];
            poc = 0;
            for (int i = 0; i < out.numPositive; i++) {
                poc += r.ue(1 << 15) + 1;
                out.deltaPoc1[i] = poc;
                out.used1[i] = r.flag();
            }
        }
        BitReader.check(out.numDelta() <= 32);
        return out;
    }

    static Pps parsePps(byte[] b, int len) {
        BitReader r = new BitReader(b, 2, len, true);
        Pps p = new Pps();
        p.id = r.ue(63);
        p.spsId = r.ue(15);
        p.dependentSliceSegments = r.flag();
        p.outputFlagPresent = r.flag();
        p.numExtraSliceHeaderBits = r.u(3);
        r.bit(); // sign_data_hiding_enabled_flag
        p.cabacInitPresent = r.flag();
        p.numRefIdxL0DefaultMinus1 = r.ue(14);
        p.numRefIdxL1DefaultMinus1 = r.ue(14);
        p.initQpMinus26 = r.se();
        r.bit(); // constrained_intra_pred_flag
        boolean transformSkip = r.flag();
        if (r.flag()) { // cu_qp_delta_enabled_flag
            r.ue();
        }
        r.se();
        r.se();
        p.sliceChromaQpOffsetsPresent = r.flag();
        p.weightedPred = r.flag();
        p.weightedBipred = r.flag();
        r.bit(); // transquant_bypass_enabled_flag
        p.tiles = r.flag();
        p.entropyCodingSync = r.flag();
        if (p.tiles) {
            int columns = r.ue(1024);
            int rows = r.ue(1024);
            if (!r.flag()) { // uniform_spacing_flag
                for (int i = 0; i < columns; i++) {
                    r.ue();
                }
                for (int i = 0; i < rows; i++) {
                    r.ue();
                }
            }
            r.bit(); // loop_filter_across_tiles_enabled_flag
        }
        p.loopFilterAcrossSlices = r.flag();
        if (r.flag()) { // deblocking_filter_control_present_flag
            p.deblockingOverrideEnabled = r.flag();
            p.deblockingDisabled = r.flag();
            if (!p.deblockingDisabled) {
                r.se();
                r.se();
            }
        }
        if (r.flag()) { // pps_scaling_list_data_present_flag
            scalingListData(r);
        }
        p.listsModificationPresent = r.flag();
        r.ue(); // log2_parallel_merge_level_minus2
        p.sliceHeaderExtensionPresent = r.flag();
        if (r.flag()) { // pps_extension_present_flag
            boolean range = r.flag();
            boolean multilayer = r.flag();
            boolean threeD = r.flag();
            boolean scc = r.flag();
            r.u(4);
            p.unsupported = multilayer || threeD || scc;
            if (range) {
                if (transformSkip) {
                    r.ue();
                }
                r.bit(); // cross_component_prediction_enabled_flag
                p.chromaQpOffsetListEnabled = r.flag();
                if (p.chromaQpOffsetListEnabled) {
                    r.ue();
                    int n = r.ue(5);
                    for (int i = 0; i <= n; i++) {
                        r.se();
                        r.se();
                    }
                }
                r.ue();
                r.ue();
            }
        }
        return p;
    }

    /** 7.3.6.1 slice_segment_header() up to byte_alignment(). */
    private int parseSlice(int len) {
        BitReader r = new BitReader(head, 2, len, true);
        boolean first = r.flag();
        if (nalType >= 16 && nalType <= 23) {
            r.bit(); // no_output_of_prior_pics_flag
        }
        Pps pps = ppsTable[r.ue(63)];
        BitReader.check(pps != null && !pps.unsupported);
        Sps sps = spsTable[pps.spsId];
        BitReader.check(sps != null && !sps.unsupported);
        boolean dependent = false;
        if (!first) {
            if (pps.dependentSliceSegments) {
                dependent = r.flag();
            }
            long address = r.bits(BitReader.ceilLog2(sps.picSizeInCtbs));
            BitReader.check(address < sps.picSizeInCtbs);
        }
        UnitClass cls = lastIndependentClass;
        if (!dependent) {
            r.skip(pps.numExtraSliceHeaderBits);
            int sliceType = r.ue(2);
            if (pps.outputFlagPresent) {
                r.bit();
            }
            if (sps.separateColourPlane) {
                r.u(2);
            }
            boolean temporalMvp = false;
            int numPicTotalCurr = 0;
            if (nalType != 19 && nalType != 20) { // not IDR
                r.u(sps.log2MaxPocLsb);
                StRps rps;
                if (!r.flag()) { // short_term_ref_pic_set_sps_flag
                    rps = stRefPicSet(r, sps.stRps.length, sps.stRps.length, sps.stRps);
                } else {
                    BitReader.check(sps.stRps.length > 0);
                    int idx = sps.stRps.length > 1 ? r.u(BitReader.ceilLog2(sps.stRps.length)) : 0;
                    BitReader.check(idx < sps.stRps.length);
                    rps = sps.stRps[idx];
                }
                numPicTotalCurr = rps.usedCount();
                if (sps.longTermPresent) {
                    int numLtSps = sps.numLongTermSps > 0 ? r.ue(sps.numLongTermSps) : 0;
                    int numLtPics = r.ue(32);
                    for (int i = 0; i < numLtSps + numLtPics; i++) {
                        if (i < numLtSps) {
                            int ltIdx = sps.numLongTermSps > 1 ? r.u(BitReader.ceilLog2(sps.numLongTermSps)) : 0;
                            BitReader.check(ltIdx < sps.numLongTermSps);
                            numPicTotalCurr += sps.ltUsedSps[ltIdx] ? 1 : 0;
                        } else {
                            r.u(sps.log2MaxPocLsb);
                            numPicTotalCurr += r.bit();
                        }
                        if (r.flag()) {
                            r.ue();
                        }
                    }
                }
                if (sps.temporalMvp) {
                    temporalMvp = r.flag();
                }
            }
            boolean saoLuma = false;
            boolean saoChroma = false;
            if (sps.sao) {
                saoLuma = r.flag();
                if (sps.chromaArrayType != 0) {
                    saoChroma = r.flag();
                }
            }
            if (sliceType == P || sliceType == B) {
                int l0 = pps.numRefIdxL0DefaultMinus1;
                int l1 = pps.numRefIdxL1DefaultMinus1;
                if (r.flag()) { // num_ref_idx_active_override_flag
                    l0 = r.ue(14);
                    if (sliceType == B) {
                        l1 = r.ue(14);
                    }
                }
                if (pps.listsModificationPresent && numPicTotalCurr > 1) {
                    int bits = BitReader.ceilLog2(numPicTotalCurr);
                    if (r.flag()) {
                        r.skip((long) (l0 + 1) * bits);
                    }
                    if (sliceType == B && r.flag()) {
                        r.skip((long) (l1 + 1) * bits);
                    }
                }
                if (sliceType == B) {
                    r.bit(); // mvd_l1_zero_flag
                }
                if (pps.cabacInitPresent) {
                    r.bit(); // cabac_init_flag
                }
                if (temporalMvp) {
                    boolean fromL0 = true;
                    if (sliceType == B) {
                        fromL0 = r.flag();
                    }
                    if ((fromL0 && l0 > 0) || (!fromL0 && l1 > 0)) {
                        r.ue(14); // collocated_ref_idx
                    }
                }
                if ((pps.weightedPred && sliceType == P) || (pps.weightedBipred && sliceType == B)) {
                    predWeightTable(r, sps.chromaArrayType, l0, sliceType == B ? l1 : -1);
                }
                r.ue(4); // five_minus_max_num_merge_cand
            }
            int qp = 26 + pps.initQpMinus26 + r.se();
            BitReader.check(qp >= -6 * (sps.bitDepthLuma - 8) && qp <= 51);
            if (pps.sliceChromaQpOffsetsPresent) {
                r.se();
                r.se();
            }
            if (pps.chromaQpOffsetListEnabled) {
                r.bit(); // cu_chroma_qp_offset_enabled_flag
            }
            boolean deblockingDisabled = pps.deblockingDisabled;
            if (pps.deblockingOverrideEnabled && r.flag()) { // deblocking_filter_override_flag
                deblockingDisabled = r.flag();
                if (!deblockingDisabled) {
                    r.se();
                    r.se();
                }
            }
            if (pps.loopFilterAcrossSlices && (saoLuma || saoChroma || !deblockingDisabled)) {
                r.bit(); // slice_loop_filter_across_slices_enabled_flag
            }
            boolean irap = nalType >= 16 && nalType <= 23;
            if (irap || sliceType == I) {
                cls = UnitClass.INTRA;
            } else if (nalType < 16 && nalType % 2 == 0) {
                cls = UnitClass.NON_REFERENCE; // sub-layer non-reference picture
            } else {
                cls = UnitClass.PREDICTED;
            }
            lastIndependentClass = cls;
        }
        long[] entryPoints = new long[0];
        int entryPointCount = 0;
        if (pps.tiles || pps.entropyCodingSync) {
            // num_entry_point_offsets may be up to PicSizeInCtbs (16 M for 65536x65536): the array
            // grows only as offsets are actually read, each of them at least one bit of the head
            int n = r.ue(sps.picSizeInCtbs);
            if (n > 0) {
                int bits = r.ue(31) + 1;
                entryPoints = new long[Math.min(n, 64)];
                for (int i = 0; i < n; i++) {
                    if (i == entryPoints.length) {
                        entryPoints = java.util.Arrays.copyOf(entryPoints, Math.min(n, 2 * i));
                    }
                    entryPoints[i] = r.bits(bits) + 1;
                }
                entryPointCount = n;
            }
        }
        if (pps.sliceHeaderExtensionPresent) {
            r.skip(8L * r.ue(256));
        }
        BitReader.check(r.bit() == 1); // byte_alignment(): alignment_bit_equal_to_one
        while (!r.byteAligned()) {
            BitReader.check(r.bit() == 0);
        }
        long dataStart = r.nextByteIndex();
        select(cls, dataStart);
        long position = dataStart;
        for (int i = 0; i < entryPointCount; i++) {
            position += entryPoints[i];
            addSubUnit(position);
        }
        return SELECTED;
    }

    private static void predWeightTable(BitReader r, int chromaArrayType, int l0, int l1) {
        r.ue(7);
        if (chromaArrayType != 0) {
            r.se();
        }
        for (int list = 0; list < 2; list++) {
            int n = (list == 0 ? l0 : l1) + 1;
            boolean[] luma = new boolean[Math.max(n, 0)];
            boolean[] chroma = new boolean[Math.max(n, 0)];
            for (int i = 0; i < n; i++) {
                luma[i] = r.flag();
            }
            if (chromaArrayType != 0) {
                for (int i = 0; i < n; i++) {
                    chroma[i] = r.flag();
                }
            }
            for (int i = 0; i < n; i++) {
                if (luma[i]) {
                    r.se();
                    r.se();
                }
                if (chroma[i]) {
                    r.se();
                    r.se();
                    r.se();
                    r.se();
                }
            }
        }
    }
}

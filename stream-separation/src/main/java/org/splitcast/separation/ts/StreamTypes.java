package org.splitcast.separation.ts;

/** Maps a PMT entry (stream_type and descriptors) to a {@link Codec}. */
public final class StreamTypes {

    private static final int TAG_REGISTRATION = 0x05;
    private static final int TAG_DVB_AC3 = 0x6A;
    private static final int TAG_DVB_ENHANCED_AC3 = 0x7A;

    private StreamTypes() {}

    /** @param descriptors the ES_info descriptors of the entry */
    public static Codec codecOf(int streamType, byte[] descriptors) {
        switch (streamType) {
            case 0x01:
            case 0x02:
                return Codec.MPEG2_VIDEO;
            case 0x1B:
                return Codec.H264;
            case 0x24:
                return Codec.HEVC;
            case 0x03:
            case 0x04:
                return Codec.MPEG_AUDIO;
            case 0x0F:
                return Codec.AAC_ADTS;
            case 0x81:
                return Codec.AC3;
            case 0x06:
                return privateDataCodec(descriptors);
            default:
                return Codec.PASS_THROUGH;
        }
    }

    private static Codec privateDataCodec(byte[] d) {
        for (int i = 0; i + 2 <= d.length; ) {
            int tag = d[i] & 0xFF;
            int len = d[i + 1] & 0xFF;
            if (i + 2 + len > d.length) {
                break;
            }
            if (tag == TAG_DVB_ENHANCED_AC3) {
                return Codec.PASS_THROUGH;
            }
            if (tag == TAG_DVB_AC3) {
                return Codec.AC3;
            }
            if (tag == TAG_REGISTRATION
                    && len >= 4
                    && d[i + 2] == 'A'
                    && d[i + 3] == 'C'
                    && d[i + 4] == '-'
                    && d[i + 5] == '3') {
                return Codec.AC3;
            }
            i += 2 + len;
        }
        return Codec.PASS_THROUGH;
    }

    /** A readable description of a stream type, for reports. */
    public static String describe(int streamType, Codec codec) {
        if (codec.isProtectable()) {
            return codec.displayName();
        }
        String name;
        switch (streamType) {
            case 0x05:
                name = "private sections";
                break;
            case 0x06:
                name = "PES private data";
                break;
            case 0x0B:
            case 0x0C:
            case 0x0D:
                name = "DSM-CC";
                break;
            case 0x11:
                name = "AAC (LATM)";
                break;
            case 0x15:
                name = "metadata";
                break;
            case 0x86:
                name = "SCTE-35 splice info";
                break;
            case 0x87:
                name = "E-AC-3";
                break;
            case 0x90:
                name = "PGS subtitles";
                break;
            default:
                name = "unsupported";
        }
        return String.format("stream type 0x%02X (%s)", streamType, name);
    }
}

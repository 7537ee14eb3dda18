package org.splitcast.separation.ts;

/**
 * Reassembles the PSI sections of one PID from transport packets: pointer fields, sections that
 * span packets, several sections in one packet, stuffing.
 *
 * <p>Every call consumes its bytes: a section is at least its 3-byte header, so each section
 * delivered or abandoned moves the position forward, whatever its section_length says (0
 * included: such a section is delivered as 3 bytes and fails its CRC). A section_length above the
 * PSI maximum is rejected before any byte of the body is buffered.
 */
final class SectionAssembler {

    /** Receives each complete section (CRC not checked yet). */
    interface Handler {
        void section(int pid, byte[] section, int length) throws StreamFormatException;
    }

    /** PAT and PMT sections: section_length at most 1021 (ISO/IEC 13818-1, 2.4.4.3). */
    static final int MAX_PSI_SECTION_LENGTH = 1021;

    private final int pid;
    private final byte[] buf = new byte[3 + MAX_PSI_SECTION_LENGTH];
    private int len;
    private int need;
    private boolean active;
    /** Whether the 3-byte header of the current section has been read (need is then final). */
    private boolean headerRead;

    SectionAssembler(int pid) {
        this.pid = pid;
    }

    void reset() {
        active = false;
        len = 0;
    }

    void packet(byte[] b, int off, int n, boolean pusi, Handler handler) throws StreamFormatException {
        int end = off + n;
        int i = off;
        if (!pusi) {
            if (active) {
                append(b, i, end, handler);
            }
            return;
        }
        int pointer = b[i++] & 0xFF;
        if (i + pointer > end) {
            reset();
            return;
        }
        if (active) {
            append(b, i, i + pointer, handler);
        }
        reset();
        i += pointer;
        while (i < end && (b[i] & 0xFF) != 0xFF) {
            active = true;
            headerRead = false;
            len = 0;
            need = 3;
            int before = i;
            i = append(b, i, end, handler);
            assert i > before : "a section start consumed no byte";
            if (active) {
                return;
            }
        }
    }

    private int append(byte[] b, int i, int end, Handler handler) throws StreamFormatException {
        while (active && i < end) {
            int take = Math.min(need - len, end - i);
            System.arraycopy(b, i, buf, len, take);
            len += take;
            i += take;
            if (len < need) {
                break;
            }
            if (!headerRead) {
                headerRead = true;
                int sectionLength = ((buf[1] & 0x0F) << 8) | (buf[2] & 0xFF);
                if (sectionLength > MAX_PSI_SECTION_LENGTH) {
                    throw new StreamFormatException(
                            StreamFormatException.Problem.INVALID_PSI,
                            String.format(
                                    "invalid PSI on PID 0x%04X: table 0x%02X has section_length %d (at most %d)",
                                    pid, buf[0] & 0xFF, sectionLength, MAX_PSI_SECTION_LENGTH));
                }
                need = 3 + sectionLength;
            }
            if (len == need) {
                active = false;
                handler.section(pid, buf, len);
            }
        }
        return i;
    }
}

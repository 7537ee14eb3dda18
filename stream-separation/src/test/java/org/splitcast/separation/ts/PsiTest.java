package org.splitcast.separation.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.separation.testing.TsBuilder;

class PsiTest {

    @Test
    void crcMatchesTheMpeg2CheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x0376E6E7, Crc32Mpeg.compute(check, 0, check.length));
    }

    private static ProgramMap demux(byte[] ts) throws StreamFormatException {
        ProgramMap map = new ProgramMap();
        new TsDemultiplexer(PacketFormat.TS, map, null, null).process(ts, 0, ts.length, 0);
        return map;
    }

    @Test
    void programsAndStreamsAreReadFromPatAndPmts() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000, 2, 0x1001);
        b.pmt(0x1000, 1, 0x100, new TsBuilder.Es(0x1B, 0x100), new TsBuilder.Es(0x0F, 0x101));
        b.pmt(0x1001, 2, 0x1FFF, new TsBuilder.Es(0x02, 0x200), new TsBuilder.Es(0x86, 0x201));
        ProgramMap map = demux(b.toByteArray());
        assertTrue(map.complete());
        assertEquals(List.of(1, 2), map.programs());
        List<ElementaryStream> s = map.streams();
        assertEquals(4, s.size());
        assertEquals(Codec.H264, s.get(0).codec());
        assertEquals(Codec.AAC_ADTS, s.get(1).codec());
        assertEquals(Codec.MPEG2_VIDEO, s.get(2).codec());
        assertEquals(Codec.PASS_THROUGH, s.get(3).codec());
        assertTrue(s.get(3).description().contains("SCTE-35"), s.get(3).description());
        assertEquals(0x100, map.clockPid());
    }

    /**
     * Fuzzing report: a PMT section whose section_length is 0 made the section assembler wait for
     * its 3-byte header again and again without consuming a byte (100 % CPU until killed). It is
     * a complete 3-byte section, which fails its CRC (it has none) and is counted and ignored;
     * the PMT that follows is read.
     */
    @Test
    void aSectionWithSectionLengthZeroIsConsumedAndIgnored() {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        b.section(0x1000, new byte[] {0x02, (byte) 0xB0, 0x00}); // table_id PMT, section_length 0
        byte[] onlyBad = b.toByteArray();
        b.pmt(0x1000, 1, 0x100, new TsBuilder.Es(0x1B, 0x100));
        byte[] badThenGood = b.toByteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ProgramMap map = new ProgramMap();
            TsDemultiplexer demux = new TsDemultiplexer(PacketFormat.TS, map, null, null);
            demux.process(onlyBad, 0, onlyBad.length, 0);
            assertEquals(List.of(1), map.programsWithoutPmt(), "the empty section is no PMT");
            assertEquals(1, demux.counters().psiCrcErrors(), "it is counted as a section that fails its CRC");
            assertTrue(demux(badThenGood).complete(), "the next PMT is read");
        });
    }

    @Test
    void ac3InPrivateDataIsRecognisedByItsDescriptor() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        b.pmt(0x1000, 1, 0x100, new TsBuilder.Es(0x06, 0x100, new byte[] {0x6A, 1, 0}));
        assertEquals(Codec.AC3, demux(b.toByteArray()).streams().get(0).codec());
    }

    @Test
    void pmtSpanningSeveralPacketsIsReassembled() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        byte[] big = new byte[250];
        big[0] = 0x05; // registration descriptor, then padding inside the descriptor
        big[1] = (byte) 248;
        b.pmt(0x1000, 1, 0x100, new TsBuilder.Es(0x06, 0x101, big), new TsBuilder.Es(0x1B, 0x100));
        assertTrue(b.size() >= 3 * 188, "the PMT needs two packets");
        ProgramMap map = demux(b.toByteArray());
        assertEquals(2, map.streams().size());
    }

    @Test
    void sectionWithABadCrcIsIgnoredAndCounted() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        byte[] ts = b.toByteArray();
        ts[4 + 1 + 10] ^= 0x01; // inside the PAT loop
        ProgramMap map = new ProgramMap();
        TsDemultiplexer d = new TsDemultiplexer(PacketFormat.TS, map, null, null);
        d.process(ts, 0, ts.length, 0);
        assertEquals(1, d.counters().psiCrcErrors());
        assertTrue(!map.patSeen());
    }

    private static StreamFormatException absurdPmt(byte[] body) {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        b.section(0x1000, TsBuilder.psiSection(0x02, 1, body));
        return assertThrows(StreamFormatException.class, () -> demux(b.toByteArray()));
    }

    @Test
    void pmtWhoseStreamInfoRunsPastTheSectionIsRejected() {
        StreamFormatException e = absurdPmt(
                new byte[] {(byte) 0xE1, 0x00, (byte) 0xF0, 0, 0x1B, (byte) 0xE1, 0x00, (byte) 0xF3, (byte) 0x84});
        assertEquals(StreamFormatException.Problem.INVALID_PSI, e.problem());
        assertTrue(e.getMessage().contains("ES_info_length 900"), e.getMessage());
        assertTrue(e.getMessage().contains("program 1"), e.getMessage());
    }

    @Test
    void pmtWhoseProgramInfoRunsPastTheSectionIsRejected() {
        StreamFormatException e = absurdPmt(new byte[] {(byte) 0xE1, 0x00, (byte) 0xF2, 0x00});
        assertTrue(e.getMessage().contains("program_info_length 512"), e.getMessage());
    }

    @Test
    void pmtWithAStreamOnAReservedPidIsRejected() {
        StreamFormatException e =
                absurdPmt(new byte[] {(byte) 0xE1, 0x00, (byte) 0xF0, 0, 0x1B, (byte) 0xE0, 0x01, (byte) 0xF0, 0});
        assertTrue(e.getMessage().contains("reserved PID 0x0001"), e.getMessage());
    }

    @Test
    void pmtListingAPidTwiceIsRejected() {
        StreamFormatException e = absurdPmt(new byte[] {
            (byte) 0xE1,
            0x00,
            (byte) 0xF0,
            0,
            0x1B,
            (byte) 0xE1,
            0x00,
            (byte) 0xF0,
            0,
            0x0F,
            (byte) 0xE1,
            0x00,
            (byte) 0xF0,
            0
        });
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void sectionLongerThanPsiAllowsIsRejected() {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        byte[] s = TsBuilder.psiSection(0x02, 1, new byte[4]);
        s[1] = (byte) 0xBF; // section_length 0xF..: 3900 bytes
        s[2] = (byte) 0x3C;
        b.section(0x1000, s);
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> demux(b.toByteArray()));
        assertTrue(e.getMessage().contains("section_length"), e.getMessage());
    }

    @Test
    void lostSyncIsReportedWithItsPosition() {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        b.nullPackets(3);
        byte[] ts = b.toByteArray();
        ts[2 * 188] = 0x46;
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> demux(ts));
        assertEquals(StreamFormatException.Problem.SYNC_LOST, e.problem());
        assertTrue(e.getMessage().contains("byte 376 (packet 2)"), e.getMessage());
    }
}

package org.splitcast.separation.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BitReaderTest {

    @Test
    void expGolombCodesDecode() {
        // 1 | 010 | 011 | 00100 | 00101 -> ue 0, 1, 2, 3, 4; then se from 010 (1) and 011 (-1)
        byte[] b = {(byte) 0b1010_0110, (byte) 0b0100_0010, (byte) 0b1010_0110};
        BitReader r = new BitReader(b, 0, b.length, false);
        assertEquals(0, r.ue());
        assertEquals(1, r.ue());
        assertEquals(2, r.ue());
        assertEquals(3, r.ue());
        assertEquals(4, r.ue());
        assertEquals(1, r.se());
        assertEquals(-1, r.se());
    }

    @Test
    void emulationPreventionBytesAreSkipped() {
        byte[] b = {0x00, 0x00, 0x03, 0x01, (byte) 0xFF};
        BitReader r = new BitReader(b, 0, b.length, true);
        assertEquals(0x000001, r.u(24));
        assertEquals(4, r.nextByteIndex());
        BitReader plain = new BitReader(b, 0, b.length, false);
        assertEquals(0x000003, plain.u(24));
    }

    @Test
    void headerEndIsTheNextWholeByte() {
        byte[] b = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        BitReader r = new BitReader(b, 0, b.length, false);
        r.u(3);
        assertEquals(1, r.nextByteIndex());
        r.u(5);
        assertEquals(1, r.nextByteIndex());
        r.bit();
        assertEquals(2, r.nextByteIndex());
    }

    @Test
    void runningOutOfBytesIsSignalled() {
        BitReader r = new BitReader(new byte[] {0}, 0, 1, false);
        r.u(8);
        assertThrows(BitReader.EndOfData.class, r::bit);
    }

    @Test
    void absurdExpGolombIsMalformed() {
        BitReader r = new BitReader(new byte[8], 0, 8, false);
        assertThrows(BitReader.Malformed.class, r::ue);
    }
}

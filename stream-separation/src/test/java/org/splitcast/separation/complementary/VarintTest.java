package org.splitcast.separation.complementary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class VarintTest {

    @Test
    void valuesRoundTripInTheirShortestForm() throws Exception {
        long[] values = {0, 1, 63, 127, 128, 300, 16383, 16384, 1L << 35, Long.MAX_VALUE};
        for (long v : values) {
            ByteSink sink = new ByteSink(16);
            Varint.write(sink, v);
            assertEquals(Varint.size(v), sink.size(), "size of " + v);
            assertEquals(v, Varint.read(ByteBuffer.wrap(sink.toByteArray()), "v"));
        }
        assertEquals(1, Varint.size(127));
        assertEquals(2, Varint.size(128));
    }

    @Test
    void nonCanonicalEncodingIsRejected() {
        ComplementaryException e = assertThrows(
                ComplementaryException.class, () -> Varint.read(ByteBuffer.wrap(new byte[] {(byte) 0x80, 0x00}), "x"));
        assertEquals(ComplementaryException.Kind.CORRUPT, e.kind());
    }

    @Test
    void overlongVarintIsRejected() {
        byte[] b = new byte[11];
        java.util.Arrays.fill(b, (byte) 0xFF);
        assertThrows(ComplementaryException.class, () -> Varint.read(ByteBuffer.wrap(b), "x"));
    }

    @Test
    void varintCutShortIsRejected() {
        assertThrows(ComplementaryException.class, () -> Varint.read(ByteBuffer.wrap(new byte[] {(byte) 0x81}), "x"));
    }

    @Test
    void negativeValuesCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> Varint.write(new ByteSink(4), -1));
    }
}

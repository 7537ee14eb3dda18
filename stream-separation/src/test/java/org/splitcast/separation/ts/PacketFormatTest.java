package org.splitcast.separation.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PacketFormatTest {

    private static byte[] packets(int size, int syncOffset, int count) {
        byte[] b = new byte[size * count];
        for (int i = 0; i < count; i++) {
            b[i * size + syncOffset] = 0x47;
        }
        return b;
    }

    @Test
    void plainTransportStreamIsRecognised() throws Exception {
        byte[] b = packets(188, 0, 10);
        assertEquals(PacketFormat.TS, PacketFormat.detect(b, b.length));
    }

    @Test
    void m2tsWithItsTimestampPrefixIsRecognised() throws Exception {
        byte[] b = packets(192, 4, 10);
        assertEquals(PacketFormat.M2TS, PacketFormat.detect(b, b.length));
    }

    @Test
    void emptyInputIsSaidToBeEmpty() {
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> PacketFormat.detect(new byte[0], 0));
        assertEquals(StreamFormatException.Problem.EMPTY, e.problem());
    }

    @Test
    void textIsNotATransportStream() {
        byte[] b = "hello, this is not a transport stream at all\n".repeat(50).getBytes(StandardCharsets.US_ASCII);
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> PacketFormat.detect(b, b.length));
        assertEquals(StreamFormatException.Problem.NOT_TRANSPORT_STREAM, e.problem());
    }

    @Test
    void lessThanOnePacketIsTruncated() {
        byte[] b = packets(188, 0, 1);
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> PacketFormat.detect(b, 100));
        assertEquals(StreamFormatException.Problem.TRUNCATED_PACKET, e.problem());
    }
}

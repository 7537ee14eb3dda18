package org.splitcast.multicast.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.splitcast.multicast.wire.MalformedMessageException;

/** Frames decoded without copying their body are still the frames that were sent, byte for byte. */
class LiveFrameTest {

    @Test
    void aFrameDecodedFromAFrameMessageIsRelayedWithTheSameBytes() throws Exception {
        byte[] sealed = new byte[5000];
        new Random(7).nextBytes(sealed);
        LiveFrame sent = LiveFrame.chunk("grüppe", 12, 34, 5, sealed);
        byte[] encoded = sent.encode();
        assertEquals(encoded.length, sent.encodedLength());

        byte[] message = ControlMessage.frame(sent);
        assertEquals(ControlMessage.FRAME, ControlMessage.type(message, 0, message.length));
        LiveFrame received = ControlMessage.readFrame(message, 0, message.length);
        assertEquals(LiveFrame.Type.CHUNK, received.type());
        assertEquals("grüppe", received.groupId());
        assertEquals(12, received.seq());
        assertEquals(34, received.chunkSeq());
        assertEquals(5, received.tekPeriod());
        assertEquals(sealed.length, received.payloadLength());
        assertArrayEquals(sealed, received.payload());
        assertEquals(encoded.length, received.encodedLength());

        ByteArrayOutputStream relayed = new ByteArrayOutputStream();
        received.writeTo(relayed);
        assertArrayEquals(encoded, relayed.toByteArray());
        assertArrayEquals(encoded, received.encode());
        assertArrayEquals(message, ControlMessage.frame(received));
    }

    @Test
    void keyAndControlFramesRoundTrip() throws Exception {
        LiveFrame key = LiveFrame.key("g", 3, new byte[] {1, 2, 3});
        LiveFrame back = LiveFrame.decode(key.encode());
        assertEquals(LiveFrame.Type.KEY, back.type());
        assertArrayEquals(new byte[] {1, 2, 3}, back.payload());
        LiveFrame gap =
                LiveFrame.decode(LiveFrame.control(LiveFrame.Type.GAP, "g", 9).encode());
        assertEquals(LiveFrame.Type.GAP, gap.type());
        assertEquals(9, gap.seq());
        assertEquals(0, gap.payloadLength());
    }

    @Test
    void malformedFramesAreRefused() {
        byte[] heartbeatWithBody =
                LiveFrame.control(LiveFrame.Type.HEARTBEAT, "g", 1).encode();
        byte[] longer = java.util.Arrays.copyOf(heartbeatWithBody, heartbeatWithBody.length + 1);
        assertThrows(MalformedMessageException.class, () -> LiveFrame.decode(longer));
        assertThrows(MalformedMessageException.class, () -> LiveFrame.decode(new byte[] {9, 0, 1, 'g'}));
        assertThrows(MalformedMessageException.class, () -> LiveFrame.decode(new byte[] {2, 0}));
    }

    @Test
    void theWindowHandsEachReaderTheFrameAfterItsCursorOrAGap() throws Exception {
        FrameWindow window = new FrameWindow(4);
        for (long seq = 1; seq <= 6; seq++) {
            window.add(LiveFrame.key("g", seq, new byte[] {(byte) seq}));
        }
        window.add(LiveFrame.key("g", 4, new byte[] {0})); // a replayed duplicate: dropped
        assertEquals(3, window.oldest());
        assertEquals(6, window.newest());
        assertEquals(5, window.next("g", 4, 10).seq());
        assertEquals(3, window.next("g", 2, 10).seq());
        assertEquals(6, window.next("g", 5, 10).seq());
        LiveFrame gap = window.next("g", 1, 10);
        assertEquals(LiveFrame.Type.GAP, gap.type());
        assertEquals(3, gap.seq());
        assertEquals(3, window.next("g", -1, 10).seq()); // a new reader: the oldest held
        assertNull(window.next("g", 6, 10));
    }
}

package org.splitcast.session.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.splitcast.error.InvalidRequestException;

class TransportStreamSnifferTest {

    private static byte[] packets(int size, int count, int syncOffset) {
        byte[] b = new byte[size * count];
        for (int i = 0; i < count; i++) {
            b[i * size + syncOffset] = 0x47;
        }
        return b;
    }

    @Test
    void acceptsWholePacketsOf188And192() {
        for (int[] p : new int[][] {{188, 0}, {192, 4}}) {
            byte[] ts = packets(p[0], 20, p[1]);
            TransportStreamSniffer sniffer = new TransportStreamSniffer();
            sniffer.feed(ts, ts.length);
            assertDoesNotThrow(sniffer::requirePlausible);
            assertDoesNotThrow(() -> sniffer.requireComplete(ts.length));
        }
    }

    @Test
    void refusesWhatIsNotATransportStream() {
        byte[] text = "{\"this\": \"is JSON, not a stream\"}".repeat(100).getBytes(StandardCharsets.UTF_8);
        TransportStreamSniffer sniffer = new TransportStreamSniffer();
        sniffer.feed(text, text.length);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, sniffer::requirePlausible);
        assertTrue(e.getMessage().contains("not an MPEG transport stream"), e.getMessage());
    }

    @Test
    void refusesATruncatedStream() {
        byte[] ts = packets(188, 20, 0);
        TransportStreamSniffer sniffer = new TransportStreamSniffer();
        sniffer.feed(ts, ts.length);
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> sniffer.requireComplete(ts.length - 100));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void refusesAShortUploadWithoutSync() {
        byte[] junk = new byte[100];
        TransportStreamSniffer sniffer = new TransportStreamSniffer();
        sniffer.feed(junk, junk.length);
        assertThrows(InvalidRequestException.class, () -> sniffer.requireComplete(junk.length));
    }
}

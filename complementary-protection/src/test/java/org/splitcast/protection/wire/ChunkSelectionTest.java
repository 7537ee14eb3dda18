package org.splitcast.protection.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkSelectionTest {

    @Test
    void theFourFormsParse() {
        assertEquals(ChunkSelection.HEADER, ChunkSelection.parse("header"));
        assertEquals(ChunkSelection.TRAILER, ChunkSelection.parse("trailer"));
        assertEquals(ChunkSelection.range(7, 7), ChunkSelection.parse("7"));
        assertEquals(ChunkSelection.range(0, 15), ChunkSelection.parse("0..15"));
        assertEquals("3..9", ChunkSelection.parse("3..9").toString());
        assertEquals("header", ChunkSelection.HEADER.toString());
    }

    @Test
    void malformedSelectionsAreRefusedWithAReadableMessage() {
        for (String bad : new String[] {
            "", "..", "1..", "..2", "-1", "+1", "1..2..3", "a", "5..4", "1 ..2", "0x10", "1234567890123456789", "Header"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ChunkSelection.parse(bad), bad);
            assertTrue(e.getMessage().contains("chunks"), e.getMessage());
        }
        IllegalArgumentException hostile =
                assertThrows(IllegalArgumentException.class, () -> ChunkSelection.parse("\u0000".repeat(100)));
        assertTrue(hostile.getMessage().length() < 200, "a hostile value is shortened in the message");
    }

    @Test
    void rangesAreClippedToTheContentAndToTheServersLimit() {
        assertEquals(
                ChunkSelection.range(10, 11), ChunkSelection.range(10, 1_000).clip(12, Long.MAX_VALUE));
        assertEquals(
                ChunkSelection.range(10, 13), ChunkSelection.range(10, 1_000).clip(100, 4));
        assertEquals(
                ChunkSelection.range(0, Long.MAX_VALUE - 1),
                ChunkSelection.range(0, Long.MAX_VALUE - 1).clip(Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(ChunkSelection.range(5, 5), ChunkSelection.range(5, 5).clip(6, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkSelection.range(12, 20)
                .clip(12, 100));
        assertTrue(e.getMessage().contains("12 chunks"), e.getMessage());
    }

    @Test
    void idsArePercentEncodedAndDecoded() {
        assertEquals("big-buck-bunny", PathSegments.encode("big-buck-bunny"));
        assertEquals("caf%C3%A9%20%2F%3F", PathSegments.encode("café /?"));
        assertEquals("café /?", PathSegments.decode("caf%C3%A9%20%2F%3F"));
        assertThrows(IllegalArgumentException.class, () -> PathSegments.decode("%4"));
        assertThrows(IllegalArgumentException.class, () -> PathSegments.decode("a b"));
        assertThrows(IllegalArgumentException.class, () -> PathSegments.decode("%FF"));
    }
}

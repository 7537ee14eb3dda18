package org.splitcast.separation.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.splitcast.separation.selection.ByteAlphabet;
import org.splitcast.separation.selection.SelectionPrf;
import org.splitcast.separation.selection.SelectionProfile;
import org.splitcast.separation.selection.ShareBudget;
import org.splitcast.separation.selection.UnitSelector;

class AudioFrameLengthTest {

    private static UnitSelector selector() {
        return new UnitSelector(
                SelectionProfile.audio(16),
                new SelectionPrf(new byte[16]),
                new ShareBudget(0.01),
                (o, b, off, len) -> {},
                ByteAlphabet.AUDIO_PAYLOAD);
    }

    @Test
    void ac3FrameSizesFollowTheA52Table() {
        assertEquals(768, Ac3Handler.frameBytes(20, 0)); // 192 kbit/s at 48 kHz
        assertEquals(834, Ac3Handler.frameBytes(20, 1)); // 192 kbit/s at 44.1 kHz: 417 words
        assertEquals(836, Ac3Handler.frameBytes(21, 1)); // ... and 418 words with padding
        assertEquals(1152, Ac3Handler.frameBytes(20, 2)); // 192 kbit/s at 32 kHz
        assertEquals(2560, Ac3Handler.frameBytes(37, 0)); // 640 kbit/s at 48 kHz
    }

    @Test
    void mpegAudioFrameLengthComesFromItsHeader() {
        MpegAudioHandler h = new MpegAudioHandler(selector());
        byte[] header = {(byte) 0xFF, (byte) 0xFD, (byte) 0xA4, 0x00}; // MPEG-1 layer II, 192k, 48k, no CRC
        assertEquals(4, h.headerLength(header, 4));
        assertEquals(576, h.frameLength);
        byte[] withCrc = {(byte) 0xFF, (byte) 0xFC, (byte) 0xA4, 0x00};
        assertEquals(6, h.headerLength(withCrc, 4));
    }

    @Test
    void adtsFrameLengthComesFromItsHeader() {
        AdtsHandler h = new AdtsHandler(selector());
        byte[] header = {(byte) 0xFF, (byte) 0xF1, 0x4C, (byte) 0x80, 0x2A, (byte) 0xBF, (byte) 0xFC};
        assertEquals(7, h.headerLength(header, 7));
        assertEquals(0x155, h.frameLength);
        assertEquals(AudioFrameHandler.INVALID, h.headerLength(new byte[] {(byte) 0xFF, (byte) 0xF7}, 2));
    }
}

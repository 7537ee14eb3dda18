package org.splitcast.testing.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipsTest {

    @Test
    void anH264AacClipHasTheAskedStreams(@TempDir Path dir) throws Exception {
        Path ts = Clips.h264Aac(dir.resolve("clip.ts"), 2, 352, 288, 25);
        List<ProbedStream> streams = Ffprobe.streams(ts);
        assertEquals(2, streams.size(), streams.toString());
        ProbedStream v = streams.get(0);
        assertEquals("video", v.codecType());
        assertEquals("h264", v.codecName());
        assertEquals(352, v.width());
        assertEquals(288, v.height());
        ProbedStream a = streams.get(1);
        assertEquals("audio", a.codecType());
        assertEquals("aac", a.codecName());
        assertEquals(48_000, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals(2.0, v.durationSeconds(), 0.2);
        Map<String, String> format = Ffprobe.format(ts);
        assertEquals("mpegts", format.get("format_name"));
        assertTrue(Ffprobe.summary(ts).contains("codec_name=h264"), Ffprobe.summary(ts));
    }

    @Test
    void aFileDecodesAndComparesWithItself(@TempDir Path dir) throws Exception {
        Path ts = Clips.h264Aac(dir.resolve("clip.ts"), 1);
        CommandResult decode = Ffmpeg.locate().decode(ts, "error", Duration.ofMinutes(1));
        assertEquals(0, decode.exit(), decode.toString());
        VideoQuality.Psnr self = VideoQuality.psnr(ts, ts, dir);
        assertEquals(25, self.frames(), self.toString());
        assertEquals(100.0, self.minAll(), self.toString());
    }

    @Test
    void aFailedEncodeLeavesNoFileAndSaysWhy(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("bad.ts");
        ClipSpec spec = ClipSpec.builder()
                .testPattern(64, 64, 25, 1)
                .args("-c:v", "no-such-encoder")
                .build();
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> Clips.make(spec, target));
        assertTrue(e.getMessage().contains("no-such-encoder"), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "neither the target nor a temporary file");
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void aStreamIsCopiedOutWithoutReencoding(@TempDir Path dir) throws Exception {
        Path ts = Clips.h264Aac(dir.resolve("clip.ts"), 1);
        Path adts = Clips.extractStream(ts, "0:a", "adts", dir.resolve("audio.aac"));
        byte[] b = Files.readAllBytes(adts);
        assertTrue(b.length > 7 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0, "starts with an ADTS sync word");
    }

    @Test
    void compactOutputWithEscapedSeparatorsIsParsed() {
        List<Ffprobe.Section> s =
                Ffprobe.parse("stream|index=0|tag:title=a\\|b|codec_name=h264\nformat|nb_streams=1\n");
        assertEquals(2, s.size());
        assertEquals("stream", s.get(0).name());
        assertEquals("a|b", s.get(0).fields().get("tag:title"));
        assertEquals("h264", s.get(0).fields().get("codec_name"));
        assertEquals("1", s.get(1).fields().get("nb_streams"));
    }
}

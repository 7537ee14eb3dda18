package org.splitcast.testing.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegTest {

    /** Every encoder the modules' tests use (stream-separation's clips and variants). */
    static final List<String> ENCODERS =
            List.of("libx264", "libx265", "mpeg2video", "mpeg1video", "aac", "ac3", "mp2", "libmp3lame");

    @Test
    void bothToolsAreFoundAndRun() throws Exception {
        Ffmpeg f = Ffmpeg.locate();
        System.out.println("ffmpeg used by this build: " + f);
        assertTrue(f.version().startsWith("ffmpeg version"), f.version());
        assertTrue(Files.isExecutable(f.ffmpegPath()) && Files.isExecutable(f.ffprobePath()), f.toString());
        CommandResult r = f.ffprobe(Duration.ofSeconds(60), List.of("-version"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("ffprobe version"), r.stdout());
    }

    @Test
    void theEncodersTheTestsUseArePresent() throws Exception {
        Ffmpeg f = Ffmpeg.locate();
        f.requireEncoders(ENCODERS.toArray(String[]::new));
        assertTrue(f.encoders().containsAll(ENCODERS), f.encoders().toString());
    }

    @Test
    void aMissingEncoderIsNamed() throws Exception {
        IOException e =
                assertThrows(IOException.class, () -> Ffmpeg.locate().requireEncoders("libx264", "no-such-encoder"));
        assertTrue(e.getMessage().contains("[no-such-encoder]"), e.getMessage());
    }
}

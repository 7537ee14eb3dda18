package org.splitcast.multicast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.testing.media.ClipSpec;
import org.splitcast.testing.media.Clips;

/**
 * The tests' media: a real H.264 + AAC transport stream made with ffmpeg (from test-media: the
 * PATH's, or the build it brings from Maven Central), and its separation. Tests fail, never skip,
 * when ffmpeg does not run.
 */
public final class TestMedia {

    public static final Path WORK = Path.of(System.getProperty("splitcast.test.work", "target/test-work"));

    /** A separated clip: original, main stream and complementary information files. */
    public record Separated(Path original, Path main, Path complementary) {}

    private TestMedia() {}

    /** A {@code seconds}-long 320x240 H.264 + AAC clip, separated with 1-second chunks. */
    public static synchronized Separated h264Aac(int seconds) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("media"));
        Path original = Clips.cached(
                ClipSpec.builder()
                        .testPattern(320, 240, 25, seconds)
                        .tone(440, 48_000, seconds)
                        .args("-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "veryfast", "-g", "25")
                        .args("-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k")
                        .build(),
                dir.resolve("h264-aac-" + seconds + "s.ts"));
        Path main = dir.resolve("h264-aac-" + seconds + "s.main.ts");
        Path comp = dir.resolve("h264-aac-" + seconds + "s.scci");
        if (!Files.exists(comp)) {
            SeparationOptions options = SeparationOptions.builder()
                    .chunkDuration(java.time.Duration.ofSeconds(1))
                    .build();
            try {
                new StreamSeparator(options).separate(original, main, comp);
            } catch (Exception e) {
                throw new IOException("separation of the test clip failed: " + e.getMessage(), e);
            }
        }
        return new Separated(original, main, comp);
    }
}

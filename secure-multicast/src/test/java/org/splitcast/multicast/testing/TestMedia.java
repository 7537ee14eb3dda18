package org.splitcast.multicast.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.StreamSeparator;

/**
 * The tests' media: a real H.264 + AAC transport stream made with ffmpeg, and its separation. The
 * one place that finds ffmpeg: the directory in system property {@code splitcast.ffmpeg.dir}
 * (binaries and their shared libraries, as extracted from org.bytedeco:ffmpeg), else ffmpeg on the
 * PATH. Tests fail, never skip, when it is missing.
 */
public final class TestMedia {

    public static final Path WORK = Path.of(System.getProperty("splitcast.test.work", "target/test-work"));

    /** A separated clip: original, main stream and complementary information files. */
    public record Separated(Path original, Path main, Path complementary) {}

    private TestMedia() {}

    /** A {@code seconds}-long 320x240 H.264 + AAC clip, separated with 1-second chunks. */
    public static synchronized Separated h264Aac(int seconds) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("media"));
        Path original = dir.resolve("h264-aac-" + seconds + "s.ts");
        if (!Files.exists(original)) {
            Path tmp = dir.resolve(".tmp-" + original.getFileName());
            List<String> cmd = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y"));
            cmd.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=" + seconds));
            cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
            cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "veryfast", "-g", "25"));
            cmd.addAll(List.of("-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-f", "mpegts", tmp.toString()));
            run(cmd);
            Files.move(tmp, original, StandardCopyOption.REPLACE_EXISTING);
        }
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

    static String ffmpeg() {
        String dir = System.getProperty("splitcast.ffmpeg.dir");
        if (dir != null && !dir.isBlank()) {
            Path bin = Path.of(dir, "ffmpeg");
            if (!Files.isExecutable(bin)) {
                fail("splitcast.ffmpeg.dir=" + dir + " has no executable ffmpeg");
            }
            return bin.toString();
        }
        return "ffmpeg";
    }

    private static void run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        String dir = System.getProperty("splitcast.ffmpeg.dir");
        if (dir != null && !dir.isBlank()) {
            String ld = System.getenv("LD_LIBRARY_PATH");
            pb.environment().put("LD_LIBRARY_PATH", dir + (ld == null ? "" : ":" + ld));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail("ffmpeg is required by this test and was not found: set -Dsplitcast.ffmpeg.dir=DIR (the"
                    + " binaries of org.bytedeco:ffmpeg, classifier linux-x86_64-gpl) or put ffmpeg on the PATH ("
                    + e.getMessage() + ")");
            return;
        }
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail("ffmpeg failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while ffmpeg ran");
        }
    }
}

package org.splitcast.protection.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Real transport streams for the tests, encoded with ffmpeg ({@link Ffmpeg}) at test time into
 * {@code target/test-work/media} and reused within a build. The picture is ffmpeg's test pattern
 * with moving noise, so that the encoders spend a realistic number of bits on it.
 */
public final class Clips {

    public static final Path WORK = Path.of(System.getProperty("splitcast.test.work", "target/test-work"));

    /** The codec pairs of the measurements. */
    public enum Codec {
        H264_AAC(
                "h264-aac",
                List.of("-c:v", "libx264", "-preset", "veryfast", "-b:v", "3M", "-c:a", "aac", "-b:a", "128k")),
        HEVC_AC3(
                "hevc-ac3",
                List.of(
                        "-c:v",
                        "libx265",
                        "-preset",
                        "ultrafast",
                        "-x265-params",
                        "log-level=error",
                        "-b:v",
                        "2M",
                        "-c:a",
                        "ac3",
                        "-b:a",
                        "192k")),
        MPEG2_MP2("mpeg2-mp2", List.of("-c:v", "mpeg2video", "-b:v", "6M", "-c:a", "mp2", "-b:a", "192k"));

        private final String name;
        private final List<String> args;

        Codec(String name, List<String> args) {
            this.name = name;
            this.args = args;
        }

        public String fileName(int seconds, int width, int height) {
            return name + "-" + width + "x" + height + "-" + seconds + "s.ts";
        }
    }

    private Clips() {}

    /** A clip of {@code seconds} at 25 frames/s with a 48 kHz tone, made once per build. */
    public static synchronized Path clip(Codec codec, int seconds, int width, int height) throws IOException {
        Path media = WORK.resolve("media");
        Files.createDirectories(media);
        Path target = media.resolve(codec.fileName(seconds, width, height));
        if (Files.exists(target)) {
            return target;
        }
        Ffmpeg ffmpeg = Ffmpeg.require();
        Path tmp = media.resolve("." + target.getFileName() + ".part");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds + ",noise=alls=12:allf=t"));
        cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
        cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-threads", "2"));
        cmd.addAll(codec.args);
        cmd.addAll(List.of("-f", "mpegts", tmp.toString()));
        Ffmpeg.Result r = ffmpeg.run(cmd, 600);
        if (r.exit() != 0 || !Files.exists(tmp)) {
            fail("ffmpeg could not make " + target.getFileName() + ": " + r.output());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}

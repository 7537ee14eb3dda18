package org.splitcast.separation.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.splitcast.testing.media.ClipSpec;
import org.splitcast.testing.media.Clips;
import org.splitcast.testing.media.CommandResult;
import org.splitcast.testing.media.Commands;
import org.splitcast.testing.media.Ffmpeg;
import org.splitcast.testing.media.Ffprobe;
import org.splitcast.testing.media.VideoQuality;

/**
 * The clips of these tests, made at test time into {@code target/test-work/media} (never
 * committed) and reused within a build. The tools come from splitcast-test-media: ffmpeg and
 * ffprobe from the PATH, or the build bundled from Maven Central when the machine has none, so
 * these tests always run (never skipped) on a machine with only a JDK and Maven.
 */
public final class Media {

    public static final Path WORK = Path.of(System.getProperty("splitcast.test.work", "target/test-work"));
    private static final Path MEDIA = WORK.resolve("media");

    /** Every encoder the clips and variants below use. */
    public static final List<String> ENCODERS =
            List.of("libx264", "libx265", "mpeg2video", "mpeg1video", "aac", "ac3", "mp2", "libmp3lame");

    private static final String VIDEO_320 = "testsrc2=size=320x240:rate=25:duration=5";
    private static final String VIDEO_640 = "testsrc2=size=640x360:rate=25:duration=5";
    private static final String TONE = "sine=frequency=440:sample_rate=48000:duration=5";

    /** The clips of the round-trip list. */
    public enum Clip {
        H264_AAC(
                "h264-aac.ts",
                "H.264 + AAC",
                ClipSpec.builder()
                        .source(VIDEO_320)
                        .source(TONE)
                        .args("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k")),
        HEVC_AC3(
                "hevc-ac3.ts",
                "HEVC + AC-3",
                ClipSpec.builder()
                        .source(VIDEO_320)
                        .source(TONE)
                        .args("-c:v", "libx265", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p")
                        .args("-c:a", "ac3", "-b:a", "192k")),
        MPEG2_MP2(
                "mpeg2-mp2.ts",
                "MPEG-2 video + MP2",
                ClipSpec.builder()
                        .source(VIDEO_640)
                        .source(TONE)
                        .args("-c:v", "mpeg2video", "-b:v", "3M", "-c:a", "mp2", "-b:a", "192k")),
        TWO_PROGRAMS(
                "two-programs.ts",
                "two programs (H.264 + AAC, MPEG-2 + MP2)",
                ClipSpec.builder()
                        .source(VIDEO_320)
                        .source(TONE)
                        .source("testsrc=size=320x240:rate=25:duration=5")
                        .source("sine=frequency=880:sample_rate=48000:duration=5")
                        .args("-c:v:0", "libx264", "-pix_fmt", "yuv420p", "-c:a:0", "aac", "-b:a:0", "128k")
                        .args("-c:v:1", "mpeg2video", "-b:v:1", "1500k", "-c:a:1", "mp2", "-b:a:1", "128k")
                        .args("-program", "title=one:program_num=1:st=0:st=1")
                        .args("-program", "title=two:program_num=2:st=2:st=3")),
        H264_AC3_M2TS(
                "h264-ac3.m2ts",
                "H.264 + AC-3 in 192-byte M2TS packets",
                ClipSpec.builder()
                        .source(VIDEO_320)
                        .source(TONE)
                        .args("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "ac3", "-b:a", "192k")
                        .args("-mpegts_m2ts_mode", "1"));

        private final String file;
        private final String label;
        private final ClipSpec spec;

        Clip(String file, String label, ClipSpec.Builder spec) {
            this.file = file;
            this.label = label;
            this.spec = spec.format("mpegts").build();
        }

        public String label() {
            return label;
        }
    }

    /** Encoder settings the round-trip clips do not use, for the header parsers (3 s, 640x360). */
    public enum Variant {
        H264_CAVLC_SLICES_INTERLACED(
                "h264-cavlc-slices-interlaced.ts",
                "-c:v",
                "libx264",
                "-flags",
                "+ildct+ilme",
                "-x264-params",
                "cabac=0:slices=4:interlaced=1",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "mp2"),
        H264_HIGH422_10BIT_WEIGHTED(
                "h264-high422-10bit.ts",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv422p10le",
                "-x264-params",
                "weightp=2:bframes=5:ref=6",
                "-c:a",
                "ac3"),
        HEVC_MAIN10_SLICES(
                "hevc-main10-slices.ts",
                "-c:v",
                "libx265",
                "-pix_fmt",
                "yuv420p10le",
                "-x265-params",
                "log-level=error:slices=3",
                "-c:a",
                "aac"),
        MPEG2_INTERLACED(
                "mpeg2-interlaced.ts",
                "-c:v",
                "mpeg2video",
                "-b:v",
                "4M",
                "-flags",
                "+ildct+ilme",
                "-top",
                "1",
                "-c:a",
                "aac"),
        MPEG1_MP3("mpeg1-mp3.ts", "-c:v", "mpeg1video", "-b:v", "2M", "-c:a", "libmp3lame", "-b:a", "128k");

        private final String file;
        private final ClipSpec spec;

        Variant(String file, String... codecs) {
            this.file = file;
            this.spec = ClipSpec.builder()
                    .testPattern(640, 360, 25, 3)
                    .tone(440, 48_000, 3)
                    .args(codecs)
                    .format("mpegts")
                    .build();
        }
    }

    private Media() {}

    /** A 3-second 640x360 clip made with the variant's encoder settings. */
    public static synchronized Path variant(Variant v) throws IOException {
        requireTools();
        return Clips.cached(v.spec, MEDIA.resolve(v.file));
    }

    /** The clip, generated on first use. */
    public static synchronized Path clip(Clip clip) throws IOException {
        requireTools();
        return Clips.cached(clip.spec, MEDIA.resolve(clip.file));
    }

    /** The tools, with every encoder these tests use (an error naming what is missing otherwise). */
    public static Ffmpeg requireTools() throws IOException {
        Ffmpeg f = Ffmpeg.locate();
        f.requireEncoders(ENCODERS.toArray(String[]::new));
        return f;
    }

    /** A raw elementary stream of a clip's first video or audio stream (ffmpeg stream copy). */
    public static synchronized Path elementaryStream(Clip clip, String map, String format, String name)
            throws IOException {
        Path target = MEDIA.resolve(name);
        return Files.exists(target) ? target : Clips.extractStream(clip(clip), map, format, target);
    }

    /** Runs a command, waiting at most {@code seconds}. */
    public static CommandResult run(List<String> command, int seconds) throws IOException {
        return Commands.run(command, Duration.ofSeconds(seconds));
    }

    /** Runs the located ffmpeg (with {@code -hide_banner}) and the given arguments. */
    public static CommandResult ffmpeg(int seconds, String... args) throws IOException {
        return requireTools().ffmpeg(Duration.ofSeconds(seconds), args);
    }

    /**
     * What ffprobe says about the programs and streams of a file, in a form to compare ({@link
     * Ffprobe#summary}).
     */
    public static String probe(Path file) throws IOException {
        return Ffprobe.summary(file);
    }

    /** PSNR of the decoded video of {@code test} against the decoded video of {@code reference}. */
    public static VideoQuality.Psnr psnr(Path reference, Path test) throws IOException {
        return VideoQuality.psnr(reference, test, WORK);
    }
}

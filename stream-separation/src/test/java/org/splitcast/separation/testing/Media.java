package org.splitcast.separation.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Media for the tests, made with ffmpeg at test time into {@code target/test-work/media} (never
 * committed) and reused within a build. Tests that need ffmpeg fail, with a message saying how to
 * install it, when it is missing: CI installs it, so a missing ffmpeg is an error, not a skip.
 */
public final class Media {

    public static final Path WORK = Path.of(System.getProperty("splitcast.test.work", "target/test-work"));
    private static final Path MEDIA = WORK.resolve("media");
    private static Boolean toolsPresent;

    /** The clips of the round-trip list. */
    public enum Clip {
        H264_AAC("h264-aac.ts", "H.264 + AAC"),
        HEVC_AC3("hevc-ac3.ts", "HEVC + AC-3"),
        MPEG2_MP2("mpeg2-mp2.ts", "MPEG-2 video + MP2"),
        TWO_PROGRAMS("two-programs.ts", "two programs (H.264 + AAC, MPEG-2 + MP2)"),
        H264_AC3_M2TS("h264-ac3.m2ts", "H.264 + AC-3 in 192-byte M2TS packets");

        private final String file;
        private final String label;

        Clip(String file, String label) {
            this.file = file;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Encoder settings the round-trip clips do not use, for the header parsers. */
    public enum Variant {
        H264_CAVLC_SLICES_INTERLACED(
                "h264-cavlc-slices-interlaced.ts",
                List.of(
                        "-c:v",
                        "libx264",
                        "-flags",
                        "+ildct+ilme",
                        "-x264-params",
                        "cabac=0:slices=4:interlaced=1",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "mp2")),
        H264_HIGH422_10BIT_WEIGHTED(
                "h264-high422-10bit.ts",
                List.of(
                        "-c:v",
                        "libx264",
                        "-pix_fmt",
                        "yuv422p10le",
                        "-x264-params",
                        "weightp=2:bframes=5:ref=6",
                        "-c:a",
                        "ac3")),
        HEVC_MAIN10_SLICES(
                "hevc-main10-slices.ts",
                List.of(
                        "-c:v",
                        "libx265",
                        "-pix_fmt",
                        "yuv420p10le",
                        "-x265-params",
                        "log-level=error:slices=3",
                        "-c:a",
                        "aac")),
        MPEG2_INTERLACED(
                "mpeg2-interlaced.ts",
                List.of("-c:v", "mpeg2video", "-b:v", "4M", "-flags", "+ildct+ilme", "-top", "1", "-c:a", "aac")),
        MPEG1_MP3("mpeg1-mp3.ts", List.of("-c:v", "mpeg1video", "-b:v", "2M", "-c:a", "libmp3lame", "-b:a", "128k"));

        private final String file;
        private final List<String> codecs;

        Variant(String file, List<String> codecs) {
            this.file = file;
            this.codecs = codecs;
        }
    }

    private Media() {}

    /** A 3-second 640x360 clip made with the variant's encoder settings. */
    public static synchronized Path variant(Variant v) throws IOException {
        requireTools();
        Files.createDirectories(MEDIA);
        Path target = MEDIA.resolve(v.file);
        if (Files.exists(target)) {
            return target;
        }
        Path tmp = MEDIA.resolve("." + v.file + ".part");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=3"));
        cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=3"));
        cmd.addAll(List.of("-map", "0:v", "-map", "1:a"));
        cmd.addAll(v.codecs);
        cmd.addAll(List.of("-f", "mpegts", tmp.toString()));
        Run r = run(cmd, 300);
        if (r.exit() != 0 || !Files.exists(tmp)) {
            fail("ffmpeg could not make " + v.file + ": " + r.stderr());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Fails the test unless ffmpeg and ffprobe run. */
    public static synchronized void requireTools() {
        if (toolsPresent == null) {
            toolsPresent = runs("ffmpeg", "-version") && runs("ffprobe", "-version");
        }
        if (!toolsPresent) {
            fail("ffmpeg and ffprobe are required by this test and were not found on the PATH: install them"
                    + " (Debian: apt-get install -y ffmpeg). CI installs them; the test must not be skipped.");
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The clip, generated on first use. */
    public static synchronized Path clip(Clip clip) throws IOException {
        requireTools();
        Files.createDirectories(MEDIA);
        Path target = MEDIA.resolve(clip.file);
        if (Files.exists(target)) {
            return target;
        }
        Path tmp = MEDIA.resolve("." + clip.file + ".part");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        String video320 = "testsrc2=size=320x240:rate=25:duration=5";
        String video640 = "testsrc2=size=640x360:rate=25:duration=5";
        String tone = "sine=frequency=440:sample_rate=48000:duration=5";
        switch (clip) {
            case H264_AAC:
                cmd.addAll(List.of("-f", "lavfi", "-i", video320, "-f", "lavfi", "-i", tone));
                cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
                cmd.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-f", "mpegts"));
                break;
            case HEVC_AC3:
                cmd.addAll(List.of("-f", "lavfi", "-i", video320, "-f", "lavfi", "-i", tone));
                cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-c:v", "libx265", "-x265-params", "log-level=error"));
                cmd.addAll(List.of("-pix_fmt", "yuv420p", "-c:a", "ac3", "-b:a", "192k", "-f", "mpegts"));
                break;
            case MPEG2_MP2:
                cmd.addAll(List.of("-f", "lavfi", "-i", video640, "-f", "lavfi", "-i", tone));
                cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-c:v", "mpeg2video", "-b:v", "3M"));
                cmd.addAll(List.of("-c:a", "mp2", "-b:a", "192k", "-f", "mpegts"));
                break;
            case TWO_PROGRAMS:
                cmd.addAll(List.of("-f", "lavfi", "-i", video320, "-f", "lavfi", "-i", tone));
                cmd.addAll(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=5"));
                cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000:duration=5"));
                cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-map", "2:v", "-map", "3:a"));
                cmd.addAll(List.of("-c:v:0", "libx264", "-pix_fmt", "yuv420p", "-c:a:0", "aac", "-b:a:0", "128k"));
                cmd.addAll(List.of("-c:v:1", "mpeg2video", "-b:v:1", "1500k", "-c:a:1", "mp2", "-b:a:1", "128k"));
                cmd.addAll(List.of("-program", "title=one:program_num=1:st=0:st=1"));
                cmd.addAll(List.of("-program", "title=two:program_num=2:st=2:st=3", "-f", "mpegts"));
                break;
            case H264_AC3_M2TS:
                cmd.addAll(List.of("-f", "lavfi", "-i", video320, "-f", "lavfi", "-i", tone));
                cmd.addAll(List.of("-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
                cmd.addAll(List.of("-c:a", "ac3", "-b:a", "192k", "-f", "mpegts", "-mpegts_m2ts_mode", "1"));
                break;
            default:
                throw new IllegalArgumentException(clip.name());
        }
        cmd.add(tmp.toString());
        Run r = run(cmd, 300);
        if (r.exit() != 0 || !Files.exists(tmp)) {
            fail("ffmpeg could not make " + clip.file + ": " + r.stderr());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** A raw elementary stream of a clip's first video or audio stream (ffmpeg stream copy). */
    public static synchronized Path elementaryStream(Clip clip, String map, String format, String name)
            throws IOException {
        Path target = MEDIA.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        Path tmp = MEDIA.resolve("." + name + ".part");
        Run r = run(
                List.of(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-y",
                        "-i",
                        clip(clip).toString(),
                        "-map",
                        map,
                        "-c",
                        "copy",
                        "-f",
                        format,
                        tmp.toString()),
                120);
        if (r.exit() != 0) {
            fail("ffmpeg could not extract " + name + ": " + r.stderr());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The result of a command. */
    public record Run(int exit, String stdout, String stderr) {}

    /** Runs a command, waiting at most {@code seconds}. */
    public static Run run(List<String> command, int seconds) throws IOException {
        Path out = Files.createTempFile("splitcast-cmd", ".out");
        Path err = Files.createTempFile("splitcast-cmd", ".err");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out after " + seconds + " s: " + String.join(" ", command));
            }
            return new Run(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * What ffprobe says about the programs and streams of a file, in a form to compare: programs,
     * and per stream its codec, profile, resolution, pixel format, sample rate, channels, start
     * time and duration, and the container's duration.
     */
    public static String probe(Path file) throws IOException {
        Run r = run(
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "program=program_id,program_num,nb_streams:stream=index,id,codec_type,codec_name,profile,"
                                + "width,height,pix_fmt,sample_rate,channels,start_time,duration"
                                + ":format=nb_streams,nb_programs,duration",
                        "-of",
                        "compact=p=1",
                        file.toString()),
                120);
        if (r.exit() != 0) {
            fail("ffprobe failed on " + file + ": " + r.stderr());
        }
        return r.stdout();
    }

    /** PSNR of the decoded video of {@code test} against the decoded video of {@code reference}. */
    public record Psnr(int frames, double meanAll, double meanY, double minAll, double maxAll) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d frames, PSNR mean %.2f dB (Y %.2f dB), per frame %.2f to %.2f dB",
                    frames,
                    meanAll,
                    meanY,
                    minAll,
                    maxAll);
        }
    }

    /**
     * Decodes both files' first video stream with ffmpeg and compares them with its psnr filter
     * (frames matched by timestamp). {@code meanAll} is the mean over frames of the filter's
     * all-component PSNR ("average" in ffmpeg's output), {@code meanY} of the luma PSNR.
     */
    public static Psnr psnr(Path reference, Path test) throws IOException {
        Files.createDirectories(WORK);
        Path stats = Files.createTempFile(WORK.toAbsolutePath(), "psnr", ".log");
        try {
            Run r = run(
                    List.of(
                            "ffmpeg",
                            "-hide_banner",
                            "-nostats",
                            "-loglevel",
                            "error",
                            "-threads",
                            "1", // a threaded decoder conceals damaged frames differently from run to run
                            "-i",
                            reference.toString(),
                            "-threads",
                            "1",
                            "-i",
                            test.toString(),
                            "-lavfi",
                            "[0:v:0][1:v:0]psnr=stats_file=" + stats.toAbsolutePath(),
                            "-f",
                            "null",
                            "-"),
                    300);
            if (r.exit() != 0) {
                fail("ffmpeg could not decode and compare " + test + ": " + r.stderr());
            }
            int n = 0;
            double all = 0;
            double y = 0;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (String line : Files.readAllLines(stats)) {
                double a = field(line, "psnr_avg");
                double l = field(line, "psnr_y");
                if (Double.isNaN(a)) {
                    continue;
                }
                n++;
                all += a;
                y += l;
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
            if (n == 0) {
                fail("ffmpeg's psnr filter compared no frame of " + test);
            }
            return new Psnr(n, all / n, y / n, min, max);
        } finally {
            Files.deleteIfExists(stats);
        }
    }

    private static double field(String line, String name) {
        for (String part : line.trim().split("\\s+")) {
            if (part.startsWith(name + ":")) {
                String v = part.substring(name.length() + 1);
                return v.equals("inf") ? 100.0 : Double.parseDouble(v);
            }
        }
        return Double.NaN;
    }
}

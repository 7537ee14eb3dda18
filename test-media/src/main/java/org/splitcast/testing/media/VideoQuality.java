package org.splitcast.testing.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Decodes two videos and compares them frame by frame with ffmpeg's {@code psnr} filter. */
public final class VideoQuality {

    /** How long one comparison may take. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private VideoQuality() {}

    /**
     * The PSNR of one video against a reference.
     *
     * @param frames how many frames were compared
     * @param meanAll mean over frames of the all-component PSNR (ffmpeg's "average"), in dB
     * @param meanY mean over frames of the luma PSNR, in dB
     * @param minAll the lowest per-frame all-component PSNR
     * @param maxAll the highest per-frame all-component PSNR (identical frames count as 100 dB)
     */
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
     * Decodes the first video stream of both files (single-threaded: a threaded decoder conceals
     * damaged frames differently from run to run) and compares frames matched by timestamp.
     *
     * @param workDir where the filter's per-frame statistics file is written (and deleted)
     * @throws CommandFailedException if ffmpeg cannot decode or compare them
     * @throws IOException if no frame was compared
     */
    public static Psnr psnr(Path reference, Path test, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path stats = Files.createTempFile(workDir.toAbsolutePath(), "psnr", ".log");
        try {
            Ffmpeg.locate()
                    .ffmpeg(
                            TIMEOUT,
                            "-nostdin",
                            "-nostats",
                            "-loglevel",
                            "error",
                            "-threads",
                            "1",
                            "-i",
                            reference.toString(),
                            "-threads",
                            "1",
                            "-i",
                            test.toString(),
                            "-lavfi",
                            "[0:v:0][1:v:0]psnr=stats_file=" + escapeFilterPath(stats.toAbsolutePath()),
                            "-f",
                            "null",
                            "-")
                    .requireSuccess("decoding and comparing " + test + " with " + reference);
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
                throw new IOException("ffmpeg's psnr filter compared no frame of " + test);
            }
            return new Psnr(n, all / n, y / n, min, max);
        } finally {
            Files.deleteIfExists(stats);
        }
    }

    /** A path inside a filter graph: ':' , '\' and quotes are special there. */
    private static String escapeFilterPath(Path p) {
        String s = p.toString();
        if (s.matches(".*[:\\\\',;\\[\\]=].*")) {
            throw new IllegalArgumentException(
                    "the work folder's path has a character filter graphs treat" + " specially: " + s);
        }
        return s;
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

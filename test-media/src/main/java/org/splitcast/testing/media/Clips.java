package org.splitcast.testing.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Short test clips encoded by ffmpeg from its synthetic sources (a moving test pattern, a sine
 * tone). Every clip is written under a temporary name beside its target and renamed at the end:
 * the target appears whole or not at all, also when several threads or JVMs make it at once.
 */
public final class Clips {

    /** How long one encode may take before it is killed. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Clips() {}

    /**
     * An H.264 (libx264, yuv420p) + AAC (128 kb/s) MPEG transport stream of a 320x240, 25 fps
     * test pattern and a 440 Hz, 48 kHz tone.
     *
     * @param target the file to write (replaced if it exists)
     * @param seconds its duration
     * @return {@code target}
     */
    public static Path h264Aac(Path target, double seconds) throws IOException {
        return h264Aac(target, seconds, 320, 240, 25);
    }

    /**
     * An H.264 (libx264, yuv420p) + AAC (128 kb/s) MPEG transport stream of a test pattern of the
     * given size and frame rate and a 440 Hz, 48 kHz tone.
     *
     * @return {@code target}
     */
    public static Path h264Aac(Path target, double seconds, int width, int height, int fps) throws IOException {
        return make(h264AacSpec(seconds, width, height, fps), target);
    }

    /** The {@link ClipSpec} of {@link #h264Aac(Path, double, int, int, int)}. */
    public static ClipSpec h264AacSpec(double seconds, int width, int height, int fps) {
        return ClipSpec.builder()
                .testPattern(width, height, fps, seconds)
                .tone(440, 48_000, seconds)
                .args("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k")
                .format("mpegts")
                .build();
    }

    /**
     * Encodes {@code spec} into {@code target} (replacing it), atomically.
     *
     * @return {@code target}
     * @throws CommandFailedException if ffmpeg fails, with its error output
     */
    public static Path make(ClipSpec spec, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Ffmpeg.locate().ffmpeg(TIMEOUT, spec.commandLine(tmp.toString())).requireSuccess("encoding " + target);
            if (Files.size(tmp) == 0) {
                throw new IOException("ffmpeg wrote nothing for " + target + ": " + spec);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Encodes {@code spec} into {@code target} unless that file exists (made by an earlier test or
     * build): a cache for clips that several tests share.
     *
     * @return {@code target}
     */
    public static Path cached(ClipSpec spec, Path target) throws IOException {
        return Files.exists(target) ? target : make(spec, target);
    }

    /**
     * Copies one stream of {@code source} out without re-encoding ({@code -c copy}), e.g. the raw
     * H.264 of a transport stream with {@code map "0:v"} and {@code format "h264"}, atomically.
     *
     * @param map an ffmpeg stream specifier ({@code 0:v}, {@code 0:a:1})
     * @param format the output format ({@code h264}, {@code hevc}, {@code adts}, {@code ac3}, ...)
     * @return {@code target}
     */
    public static Path extractStream(Path source, String map, String format, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            List<String> args = new ArrayList<>(List.of("-nostdin", "-loglevel", "error", "-y"));
            args.addAll(List.of("-i", source.toString(), "-map", map, "-c", "copy", "-f", format, tmp.toString()));
            Ffmpeg.locate().ffmpeg(TIMEOUT, args).requireSuccess("extracting " + map + " of " + source);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

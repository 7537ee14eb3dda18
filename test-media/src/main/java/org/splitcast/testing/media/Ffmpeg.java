package org.splitcast.testing.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ffmpeg and ffprobe a test uses, found once per JVM by {@link #locate()}, in this order:
 *
 * <ol>
 *   <li>the folder named by the system property {@value #DIR_PROPERTY}, which must hold both;
 *   <li>{@code ffmpeg} and {@code ffprobe} on the {@code PATH} (unless {@value #BUNDLED_PROPERTY}
 *       is {@code true});
 *   <li>the executables shipped in the {@code org.bytedeco:ffmpeg} jar of Maven Central (classifier
 *       {@code linux-x86_64-gpl}, ffmpeg 8.0.1 with libx264, libx265 and libmp3lame), extracted
 *       once into {@value #CACHE_PROPERTY} (default {@code ~/.cache/splitcast/ffmpeg}); see
 *       {@link BundledFfmpeg} for the layout and why it is safe when JVMs extract at once.
 * </ol>
 *
 * <p>Each candidate is accepted only if both tools run ({@code -version} exits 0). Nothing is ever
 * skipped: a machine where none works gets an {@link IOException} saying what was tried.
 */
public final class Ffmpeg {

    /** System property: a folder holding the {@code ffmpeg} and {@code ffprobe} to use. */
    public static final String DIR_PROPERTY = "splitcast.ffmpeg.dir";
    /** System property: {@code true} skips the PATH and uses the bundled build. */
    public static final String BUNDLED_PROPERTY = "splitcast.ffmpeg.bundled";
    /** System property: the folder the bundled build is extracted into. */
    public static final String CACHE_PROPERTY = "splitcast.ffmpeg.cache";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static Ffmpeg located;

    /** Where the tools were found. */
    public enum Source {
        /** the folder of {@value Ffmpeg#DIR_PROPERTY} */
        PROPERTY,
        /** the PATH */
        PATH,
        /** extracted from the {@code org.bytedeco:ffmpeg} jar */
        BUNDLED
    }

    private final Path ffmpeg;
    private final Path ffprobe;
    private final Source source;
    private final String version;
    private Set<String> encoders;

    private Ffmpeg(Path ffmpeg, Path ffprobe, Source source, String version) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.source = source;
        this.version = version;
    }

    /**
     * The tools this JVM uses, found on first call (see the class comment for the order).
     *
     * @throws IOException if no candidate works, naming each one tried and why it failed
     */
    public static synchronized Ffmpeg locate() throws IOException {
        if (located == null) {
            located = find();
        }
        return located;
    }

    private static Ffmpeg find() throws IOException {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            Path d = Path.of(dir);
            return checked(d.resolve("ffmpeg"), d.resolve("ffprobe"), Source.PROPERTY);
        }
        List<String> tried = new ArrayList<>();
        if (!Boolean.getBoolean(BUNDLED_PROPERTY)) {
            Path onPathFfmpeg = onPath("ffmpeg");
            Path onPathFfprobe = onPath("ffprobe");
            if (onPathFfmpeg != null && onPathFfprobe != null) {
                try {
                    return checked(onPathFfmpeg, onPathFfprobe, Source.PATH);
                } catch (IOException e) {
                    tried.add("PATH: " + e.getMessage());
                }
            } else {
                tried.add("PATH: no " + (onPathFfmpeg == null ? "ffmpeg" : "ffprobe"));
            }
        }
        String cache = System.getProperty(CACHE_PROPERTY);
        try {
            Path home = BundledFfmpeg.install(
                    cache == null || cache.isBlank() ? BundledFfmpeg.defaultCache() : Path.of(cache));
            return checked(home.resolve("bin/ffmpeg"), home.resolve("bin/ffprobe"), Source.BUNDLED);
        } catch (IOException e) {
            tried.add("bundled: " + e.getMessage());
            throw new IOException("no working ffmpeg/ffprobe: " + String.join("; ", tried), e);
        }
    }

    private static Path onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }

    private static Ffmpeg checked(Path ffmpeg, Path ffprobe, Source source) throws IOException {
        CommandResult v = Commands.run(List.of(ffmpeg.toString(), "-hide_banner", "-version"), PROBE_TIMEOUT)
                .requireSuccess(ffmpeg + " -version");
        Commands.run(List.of(ffprobe.toString(), "-hide_banner", "-version"), PROBE_TIMEOUT)
                .requireSuccess(ffprobe + " -version");
        return new Ffmpeg(
                ffmpeg,
                ffprobe,
                source,
                v.stdout().lines().findFirst().orElse("").strip());
    }

    /** @return the ffmpeg executable (for the bundled build, a script that sets its library path) */
    public Path ffmpegPath() {
        return ffmpeg;
    }

    /** @return the ffprobe executable (for the bundled build, a script that sets its library path) */
    public Path ffprobePath() {
        return ffprobe;
    }

    /** @return where the tools were found */
    public Source source() {
        return source;
    }

    /** @return the first line of {@code ffmpeg -version}, e.g. {@code ffmpeg version 8.0.1 ...} */
    public String version() {
        return version;
    }

    /**
     * Runs ffmpeg with {@code -hide_banner} and the given arguments.
     *
     * @return its exit code and output; a non-zero exit is returned, not thrown
     * @throws CommandTimeoutException past {@code timeout}
     */
    public CommandResult ffmpeg(Duration timeout, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner"));
        cmd.addAll(args);
        return Commands.run(cmd, timeout);
    }

    /** Runs ffmpeg with {@code -hide_banner} and the given arguments; see {@link #ffmpeg(Duration, List)}. */
    public CommandResult ffmpeg(Duration timeout, String... args) throws IOException {
        return ffmpeg(timeout, Arrays.asList(args));
    }

    /**
     * Runs ffprobe with {@code -hide_banner} and the given arguments.
     *
     * @return its exit code and output; a non-zero exit is returned, not thrown
     * @throws CommandTimeoutException past {@code timeout}
     */
    public CommandResult ffprobe(Duration timeout, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffprobe.toString(), "-hide_banner"));
        cmd.addAll(args);
        return Commands.run(cmd, timeout);
    }

    /**
     * Decodes every stream of {@code input} and throws the frames away ({@code -f null}), single
     * threaded so that error concealment is the same from run to run. What the decoders logged
     * at {@code logLevel} ({@code error}, {@code warning}, {@code info}) is in the result's
     * standard error.
     *
     * @return the exit code and log; a non-zero exit is returned, not thrown
     */
    public CommandResult decode(Path input, String logLevel, Duration timeout) throws IOException {
        return ffmpeg(
                timeout, "-nostats", "-loglevel", logLevel, "-threads", "1", "-i", input.toString(), "-f", "null", "-");
    }

    /** @return the names of the encoders this ffmpeg has ({@code ffmpeg -encoders}) */
    public synchronized Set<String> encoders() throws IOException {
        if (encoders == null) {
            CommandResult r = ffmpeg(PROBE_TIMEOUT, "-encoders").requireSuccess("ffmpeg -encoders");
            Set<String> names = new TreeSet<>();
            boolean table = false;
            for (String line : r.stdout().lines().toList()) {
                if (line.strip().startsWith("------")) {
                    table = true;
                    continue;
                }
                String[] parts = line.strip().split("\\s+");
                if (table && parts.length >= 2) {
                    names.add(parts[1]);
                }
            }
            encoders = Collections.unmodifiableSet(names);
        }
        return encoders;
    }

    /**
     * @throws IOException naming the encoders this ffmpeg lacks, if it lacks any of {@code names}
     */
    public void requireEncoders(String... names) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!encoders().contains(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(this + " lacks the encoders " + missing + " (use -D" + BUNDLED_PROPERTY
                    + "=true for the bundled build, which has them)");
        }
    }

    @Override
    public String toString() {
        return version + " (" + source + ": " + ffmpeg + ")";
    }
}

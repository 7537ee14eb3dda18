package org.splitcast.protection.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the tests find ffmpeg and ffprobe: the folder named by the system property {@value
 * #DIR_PROPERTY} (for instance the programs taken out of Maven Central's {@code org.bytedeco:ffmpeg}
 * jar, whose libraries sit beside them), else the PATH. A test that needs them fails, never skips,
 * when they are missing. This is the one place to change when the build provides ffmpeg another way.
 */
public final class Ffmpeg {

    /** System property: a folder holding {@code ffmpeg} and {@code ffprobe}. */
    public static final String DIR_PROPERTY = "splitcast.ffmpeg.dir";

    private static Ffmpeg found;

    private final Path dir;

    private Ffmpeg(Path dir) {
        this.dir = dir;
    }

    /** The tools, checked once per JVM; fails the calling test when they do not run. */
    public static synchronized Ffmpeg require() {
        if (found == null) {
            String property = System.getProperty(DIR_PROPERTY, "").strip();
            Ffmpeg candidate = new Ffmpeg(property.isEmpty() ? null : Path.of(property));
            String problem = candidate.check();
            if (problem != null) {
                fail("ffmpeg and ffprobe are required by this test and " + problem + ": give -D" + DIR_PROPERTY
                        + "=DIR (a folder holding both) or put them on the PATH (Debian: apt-get install -y"
                        + " ffmpeg). The test must not be skipped.");
            }
            found = candidate;
        }
        return found;
    }

    private String check() {
        if (dir != null
                && (!Files.isExecutable(dir.resolve("ffmpeg")) || !Files.isExecutable(dir.resolve("ffprobe")))) {
            return "were not found in " + DIR_PROPERTY + "=" + dir;
        }
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            try {
                Result r = run(List.of(tool, "-version"), 60);
                if (r.exit() != 0) {
                    return "'" + tool + " -version' failed: " + r.output().strip();
                }
            } catch (IOException e) {
                return dir == null ? "were not found on the PATH" : "do not run from " + dir + ": " + e.getMessage();
            }
        }
        return null;
    }

    /** What a tool printed (stdout and stderr together) and its exit code. */
    public record Result(int exit, String output) {}

    /**
     * Runs {@code ffmpeg} or {@code ffprobe} (the first element of {@code command}) with the rest as
     * arguments, and waits at most {@code timeoutSeconds}.
     */
    public Result run(List<String> command, long timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>(command);
        if (dir != null) {
            cmd.set(0, dir.resolve(command.get(0)).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            // the bytedeco build keeps its shared libraries next to the programs
            Map<String, String> env = builder.environment();
            String old = env.get("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", dir + (old == null || old.isEmpty() ? "" : ":" + old));
        }
        Process p = builder.start();
        byte[] output = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), new String(output));
    }
}

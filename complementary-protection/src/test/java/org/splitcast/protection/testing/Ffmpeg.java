package org.splitcast.protection.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.splitcast.testing.media.CommandResult;

/**
 * ffmpeg and ffprobe for these tests, as the test-media module finds them (the PATH's, or the
 * build it bundles from Maven Central: docs/test-media.md). A test that needs them fails, never
 * skips, when they do not run.
 */
public final class Ffmpeg {

    private static Ffmpeg found;

    private final org.splitcast.testing.media.Ffmpeg tools;

    private Ffmpeg(org.splitcast.testing.media.Ffmpeg tools) {
        this.tools = tools;
    }

    /** The tools, checked once per JVM; fails the calling test when they do not run. */
    public static synchronized Ffmpeg require() {
        if (found == null) {
            try {
                found = new Ffmpeg(org.splitcast.testing.media.Ffmpeg.locate());
            } catch (IOException e) {
                fail("ffmpeg and ffprobe are required by this test and do not run: " + e.getMessage());
            }
        }
        return found;
    }

    /** What a tool printed (stdout and stderr together) and its exit code. */
    public record Result(int exit, String output) {}

    /**
     * Runs {@code ffmpeg} or {@code ffprobe} (the first element of {@code command}) with the rest as
     * arguments, and waits at most {@code timeoutSeconds}.
     */
    public Result run(List<String> command, long timeoutSeconds) throws IOException {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        List<String> args = command.subList(1, command.size());
        CommandResult r =
                switch (command.get(0)) {
                    case "ffmpeg" -> tools.ffmpeg(timeout, args);
                    case "ffprobe" -> tools.ffprobe(timeout, args);
                    default -> throw new IllegalArgumentException("not ffmpeg or ffprobe: " + command.get(0));
                };
        return new Result(r.exit(), r.stdout() + r.stderr());
    }
}

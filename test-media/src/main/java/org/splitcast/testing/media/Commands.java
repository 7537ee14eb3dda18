package org.splitcast.testing.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with a timeout. Standard output and error go to temporary files (a
 * chatty command can never block on a full pipe) and are returned whole; past the timeout the
 * command and every process it started are killed and {@link CommandTimeoutException} is thrown.
 * Standard input is empty.
 */
public final class Commands {

    private Commands() {}

    /**
     * Runs {@code command} and waits for it.
     *
     * @param command the program and its arguments
     * @param timeout how long it may run
     * @return its exit code and output (a non-zero exit is returned, not thrown)
     * @throws CommandTimeoutException if it ran past {@code timeout}
     * @throws IOException if it could not be started
     */
    public static CommandResult run(List<String> command, Duration timeout) throws IOException {
        return run(command, Map.of(), timeout);
    }

    /**
     * Runs {@code command} with extra environment variables and waits for it.
     *
     * @param command the program and its arguments
     * @param environment variables added to (or replacing in) this JVM's environment
     * @param timeout how long it may run
     * @return its exit code and output (a non-zero exit is returned, not thrown)
     * @throws CommandTimeoutException if it ran past {@code timeout}
     * @throws IOException if it could not be started
     */
    public static CommandResult run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException {
        Path out = Files.createTempFile("splitcast-cmd", ".out");
        Path err = Files.createTempFile("splitcast-cmd", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(p);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", command), e);
            }
            if (!finished) {
                kill(p);
                throw new CommandTimeoutException(
                        "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command) + tail(err));
            }
            return new CommandResult(
                    command,
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path err) {
        try {
            String s = Files.readString(err, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "" : "\n" + (s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s);
        } catch (IOException e) {
            return "";
        }
    }
}

package org.splitcast.edge.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An edge node in its own JVM, started the way bin/splitcast-edge starts it ({@code java -cp …
 * org.splitcast.edge.EdgeNode --verification-key-file … --jgroups-properties … --stack tcp --http
 * …}), ready once it prints {@code splitcast-edge: listening on URL}. Shared by edge-node's tests
 * (against an in-test central) and arquillian-tests' live ITs (against WildFly): one way to start,
 * kill and restart an edge.
 */
public final class EdgeProcess implements AutoCloseable {

    /**
     * How long a start may take: a JVM start, a TLS join and the HTTP listener are seconds on a
     * quiet machine, far more on a loaded one (a restarted edge also waits for the cluster to drop
     * its killed self).
     */
    static final int START_SECONDS = 180;

    private static final String READY = "splitcast-edge: listening on ";

    private final String name;
    private final List<String> command;
    private final Process process;
    private final URI uri;
    private final StringBuilder log;

    private EdgeProcess(String name, List<String> command, Process process, URI uri, StringBuilder log) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /**
     * The class path of this test JVM (surefire's, when it runs the tests from a manifest-only jar),
     * which holds the edge node's classes and its dependencies.
     */
    public static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    /**
     * Starts an edge and waits until it listens.
     *
     * @param classPath where EdgeNode and its dependencies are
     * @param jgroupsProperties the stack properties file ({@code --jgroups-properties})
     * @param verificationKeyFile the central server's live verification key
     * @param cluster the cluster name, null for the edge's default
     * @param httpPort the terminals' HTTP port on 127.0.0.1, 0 for any free one
     */
    public static EdgeProcess start(
            String name,
            String classPath,
            Path jgroupsProperties,
            Path verificationKeyFile,
            String cluster,
            int httpPort)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Djava.net.preferIPv4Stack=true",
                "-cp",
                classPath,
                "org.splitcast.edge.EdgeNode",
                "--verification-key-file",
                verificationKeyFile.toString(),
                "--jgroups-properties",
                jgroupsProperties.toString(),
                "--stack",
                "tcp",
                "--http",
                "127.0.0.1:" + httpPort));
        if (cluster != null) {
            cmd.addAll(List.of("--cluster", cluster));
        }
        return launch(name, List.copyOf(cmd));
    }

    /**
     * Writes {@code stackProps} and {@code verificationKey} into a new folder under {@code work},
     * then {@link #start starts} the edge with them.
     */
    public static EdgeProcess start(
            Path work,
            String name,
            String classPath,
            Map<String, String> stackProps,
            String verificationKey,
            String cluster,
            int httpPort)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve("edge-" + name + "-" + System.nanoTime()));
        Path props = dir.resolve("jgroups.properties");
        Properties p = new Properties();
        p.putAll(stackProps);
        try (OutputStream out = Files.newOutputStream(props)) {
            p.store(out, "edge " + name);
        }
        Path key = dir.resolve("live-key.txt");
        Files.writeString(key, verificationKey);
        return start(name, classPath, props, key, cluster, httpPort);
    }

    private static EdgeProcess launch(String name, List<String> cmd) throws Exception {
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            synchronized (log) {
                                log.append(line).append('\n');
                            }
                            int at = line.indexOf(READY);
                            if (at >= 0) {
                                ready.complete(URI.create(
                                        line.substring(at + READY.length()).trim()));
                            }
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                    ready.completeExceptionally(new IllegalStateException("edge " + name + " ended"));
                },
                "edge-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new EdgeProcess(name, cmd, proc, ready.get(START_SECONDS, TimeUnit.SECONDS), log);
        } catch (TimeoutException | ExecutionException e) {
            proc.destroyForcibly();
            synchronized (log) {
                throw new AssertionError(
                        "edge " + name + " did not listen within " + START_SECONDS + " s; its output:\n" + log, e);
            }
        }
    }

    /** Where terminals read it ({@code http://127.0.0.1:PORT}). */
    public URI uri() {
        return uri;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the edge printed so far. */
    public String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    /** Its {@code GET /v1/metrics} document ({@code {"bytesReceived":{group: bytes},…}}). */
    public String metrics() throws IOException {
        try (var in = uri.resolve("/v1/metrics").toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** SIGKILL: the edge dies mid-stream without leaving the cluster or closing its streams. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("edge " + name + " still runs 30 s after SIGKILL");
        }
    }

    /**
     * A new JVM with the same command line as this (dead) one: same stack properties, key file and
     * HTTP port, so its terminals find it where they left it.
     */
    public EdgeProcess restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("edge " + name + " still runs: kill it first");
        }
        return launch(name + "-restarted", command);
    }

    /** SIGTERM (the edge leaves the cluster), SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

package org.splitcast.edge;

import java.io.BufferedReader;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An edge node in its own JVM, started the way bin/splitcast-edge starts it (java -cp classes:lib/*). */
final class EdgeProcess implements AutoCloseable {

    final Process process;
    final URI uri;
    private final StringBuilder log;

    private EdgeProcess(Process process, URI uri, StringBuilder log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** What the edge printed so far. */
    String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    static EdgeProcess start(
            Path work,
            String name,
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
        String cp = System.getProperty("splitcast.edge.classes") + java.io.File.pathSeparator
                + System.getProperty("splitcast.edge.lib") + "/*";
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Djava.net.preferIPv4Stack=true",
                "-cp",
                cp,
                "org.splitcast.edge.EdgeNode",
                "--verification-key-file",
                key.toString(),
                "--jgroups-properties",
                props.toString(),
                "--stack",
                "tcp",
                "--cluster",
                cluster,
                "--http",
                "127.0.0.1:" + httpPort));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> ready = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread pump = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    int at = line.indexOf("splitcast-edge: listening on ");
                    if (at >= 0) {
                        ready.complete(URI.create(line.substring(at + 29).trim()));
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            ready.completeExceptionally(new IllegalStateException("edge " + name + " ended: " + log));
        });
        pump.setDaemon(true);
        pump.start();
        URI uri;
        try {
            // a JVM start, a TLS join and the HTTP listener: seconds on a quiet machine, far more on a
            // loaded one (a restarted edge also waits for the cluster to drop its killed self)
            uri = ready.get(180, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            proc.destroyForcibly();
            synchronized (log) {
                throw new AssertionError("edge " + name + " did not listen within 180 s; its output:\n" + log, e);
            }
        }
        EdgeProcess e = new EdgeProcess(proc, uri, log);
        return e;
    }

    /** SIGKILL: the edge dies mid-stream without leaving the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

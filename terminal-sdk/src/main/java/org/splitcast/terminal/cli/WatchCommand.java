package org.splitcast.terminal.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.session.SessionGrant;
import org.splitcast.multicast.terminal.HttpCentralClient;
import org.splitcast.multicast.terminal.LiveApiException;
import org.splitcast.multicast.terminal.LiveClient;
import org.splitcast.terminal.sdk.TerminalKeyFiles;

/**
 * {@code splitcast-terminal watch}: plays a live channel (docs/live.md §7): authenticates to the
 * central server, gets its session key, joins the group through its edge node and writes the
 * original transport stream, live, to a file or standard output ({@code -o -}, for {@code | ffplay
 * -}); renews the session key before it lapses unless {@code --no-prolong}. Progress and warnings
 * go to standard error. The logic is {@link LiveClient}'s; this class only parses and reports.
 */
public final class WatchCommand {

    static final String USAGE =
            """
            splitcast-terminal watch --server URL --edge URL --terminal ID --key FILE --content ID
                               [-o FILE|-] [--no-prolong] [--verification-key FILE]

            watch    plays a live channel through an edge node: writes the original transport stream
                     (-o -: standard output, e.g. '| ffplay -'; default: standard output). The server's
                     live verification key comes from --verification-key (keyId:base64) or from
                     GET URL/api/live/verification-key. At the end a summary line on standard error
                     says how many chunks were written and how many were lost (skipped: altered,
                     under a dropped key period, main-stream range gone; or never arrived: a gap in
                     the edge's window): any lost chunk means the output is not the original.
                     Exit codes: 0 when interrupted with no chunk lost, 8 when interrupted and
                     chunks were lost, 4 when the session ends (lapsed without --prolong, revoked,
                     refused), 5 when the server or edge stays unreachable (4 and 5 also when
                     chunks were lost: the summary line says how many).
            """;

    private static final Set<String> FLAGS = Set.of("no-prolong");
    private static final Set<String> OPTIONS =
            Set.of("server", "edge", "terminal", "key", "content", "o", "verification-key");

    private WatchCommand() {}

    /** Runs {@code watch} with the arguments after the command name; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, CryptoProvider crypto, Clock clock) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : a.equals("-o") ? "o" : null;
            if (name != null && FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (name != null && OPTIONS.contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                return usage(err, "unknown or incomplete option '" + a + "'");
            }
        }
        for (String required : new String[] {"server", "edge", "terminal", "key", "content"}) {
            if (!options.containsKey(required)) {
                return usage(err, "--" + required + " is required");
            }
        }
        URI server;
        URI edge;
        try {
            server = absolute(options.get("server"));
            edge = absolute(options.get("edge"));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        TerminalSecret secret;
        try {
            secret = TerminalKeyFiles.load(Path.of(options.get("key")), crypto);
        } catch (TerminalKeyFiles.InvalidKeyFileException e) {
            err.println(TerminalCli.NAME + ": unusable key file " + e.getMessage());
            return TerminalCli.USAGE;
        } catch (IOException e) {
            err.println(TerminalCli.NAME + ": cannot read the key file: " + e.getMessage());
            return TerminalCli.IO;
        }
        String target = options.getOrDefault("o", "-");
        OutputStream sink = null;
        try {
            LiveVerifier verifier = verifier(options.get("verification-key"), server, crypto);
            sink = target.equals("-") ? out : new BufferedOutputStream(Files.newOutputStream(Path.of(target)));
            LiveClient client = new LiveClient(
                    new HttpCentralClient(server, Duration.ofSeconds(10)),
                    edge,
                    options.get("terminal"),
                    secret,
                    options.get("content"),
                    new DeflateAesGcmChunkSealer(crypto),
                    verifier,
                    sink,
                    LiveClient.Options.defaults().withProlong(!options.containsKey("no-prolong")),
                    crypto,
                    clock,
                    new LiveClient.Listener() {
                        @Override
                        public void session(SessionGrant grant, boolean renewal) {
                            err.println(TerminalCli.NAME + ": " + (renewal ? "renewed" : "joined") + " group "
                                    + grant.groupId() + ", session key valid until " + grant.expiresAt());
                        }

                        @Override
                        public void warning(String message) {
                            err.println(TerminalCli.NAME + ": " + message);
                        }
                    });
            CountDownLatch summarised = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                client.close();
                try { // let run() return and the summary be printed before the JVM halts
                    summarised.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            int exit;
            try {
                client.run();
                exit = TerminalCli.OK;
            } catch (LiveClient.SessionEndedException e) {
                err.println(TerminalCli.NAME + ": session ended: " + e.getMessage());
                exit = TerminalCli.REFUSED;
            } catch (LiveApiException e) {
                err.println(TerminalCli.NAME + ": " + e.getMessage());
                exit = TerminalCli.IO;
            }
            try {
                sink.flush();
            } catch (IOException e) {
                // reported below as a failed write if it mattered
            }
            exit = summary(client, exit, err);
            summarised.countDown();
            return exit;
        } catch (LiveApiException e) {
            err.println(TerminalCli.NAME + ": " + e.getMessage());
            return TerminalCli.IO;
        } catch (IllegalArgumentException e) {
            err.println(TerminalCli.NAME + ": " + e.getMessage());
            return TerminalCli.USAGE;
        } catch (IOException e) {
            err.println(TerminalCli.NAME + ": cannot write the stream: " + e.getMessage());
            return TerminalCli.IO;
        } finally {
            if (sink != null) {
                try {
                    sink.flush();
                    if (sink != out) {
                        sink.close();
                    }
                } catch (IOException ignored) {
                    // reported above if it mattered
                }
            }
        }
    }

    /**
     * Prints the summary line (chunks written, lost, gaps, reconnects, renewals) and returns the
     * exit code: {@code exit}, except that a run that would end with 0 ends with {@link
     * TerminalCli#INCOMPLETE} when chunks were lost, since its output is no longer the original.
     */
    static int summary(LiveClient client, int exit, PrintStream err) {
        long lost = client.chunksLost();
        err.printf(
                Locale.ROOT,
                "%s: %d chunks written (%d bytes), %d lost (%d skipped, %d never arrived), %d gaps,"
                        + " %d reconnects, %d renewals%s%n",
                TerminalCli.NAME,
                client.chunksWritten.get(),
                client.bytesWritten.get(),
                lost,
                client.chunksSkipped.get(),
                client.chunksMissing.get(),
                client.gaps.get(),
                client.reconnects.get(),
                client.renewals.get(),
                lost > 0 ? ": the output is NOT the original stream" : "");
        return lost > 0 && exit == TerminalCli.OK ? TerminalCli.INCOMPLETE : exit;
    }

    private static LiveVerifier verifier(String file, URI server, CryptoProvider crypto)
            throws IOException, LiveApiException {
        if (file != null) {
            return LiveVerifier.fromText(Files.readString(Path.of(file), StandardCharsets.UTF_8), crypto);
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(server + "/api/live/verification-key"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new LiveApiException(
                        r.statusCode(), null, "the server has no live verification key: HTTP " + r.statusCode());
            }
            return LiveVerifier.fromText(r.body(), crypto);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveApiException(0, null, "interrupted");
        } catch (IOException e) {
            throw new LiveApiException(0, null, "cannot reach the server " + server + ": " + e.getMessage());
        }
    }

    private static URI absolute(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + text);
        }
        return uri;
    }

    private static int usage(PrintStream err, String message) {
        err.println(TerminalCli.NAME + ": " + message);
        err.println("Try '" + TerminalCli.NAME + " --help'.");
        return TerminalCli.USAGE;
    }
}

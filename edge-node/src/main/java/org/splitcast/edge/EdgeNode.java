package org.splitcast.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.jgroups.JChannel;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.jgroups.SplitcastStacks;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.relay.EdgeRelay;

/**
 * {@code splitcast-edge}: an edge node at an access point (docs/live.md §5). Joins the publisher's
 * JGroups cluster, serves terminals over HTTP, subscribes to a group only while a terminal with a
 * valid join ticket reads it. Stops cleanly on SIGTERM/SIGINT (leaves the cluster, closes the
 * terminals' streams).
 */
public final class EdgeNode implements AutoCloseable {

    static final String NAME = "splitcast-edge";
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 5;

    static final String USAGE_TEXT =
            """
            Usage:
              splitcast-edge --verification-key-file FILE --jgroups-properties FILE
                             [--http HOST:PORT] [--stack tcp|udp] [--cluster NAME]
                             [--set NAME=VALUE]... [--window-frames N] [--max-readers N]

            --verification-key-file FILE  the central server's live verification key
                                          (keyId:base64(SubjectPublicKeyInfo), GET /api/live/verification-key);
                                          or env SPLITCAST_EDGE_VERIFICATION_KEY with the text itself
            --jgroups-properties FILE     Java properties for the JGroups stack: bind address, ports,
                                          key stores, join credential (docs/jgroups.md §6)
            --set NAME=VALUE              one stack property (wins over the file)
            --http HOST:PORT              where terminals connect (default 127.0.0.1:8480; port 0: any)
            --stack tcp|udp               the JGroups stack (default udp)
            --cluster NAME                the cluster name (default splitcast-complementary)
            --window-frames N             frames kept per group for reconnecting terminals (default 256)
            --max-readers N               concurrent terminal streams (default 1000)

            Prints 'splitcast-edge: listening on http://HOST:PORT' once ready.
            Exit codes: 0 stopped, 2 usage error, 5 cannot join the cluster or bind, 1 internal error.
            """;

    private final EdgeRelay relay;
    private final EdgeHttpServer http;

    EdgeNode(EdgeRelay relay, EdgeHttpServer http) {
        this.relay = relay;
        this.http = http;
    }

    @Override
    public void close() {
        http.close();
        relay.stop();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        Map<String, String> stackProps = new HashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                if (!List.of(
                                "--verification-key-file",
                                "--jgroups-properties",
                                "--set",
                                "--http",
                                "--stack",
                                "--cluster",
                                "--window-frames",
                                "--max-readers")
                        .contains(a)) {
                    throw new IllegalArgumentException("unknown option '" + a + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                if (a.equals("--set")) {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set takes NAME=VALUE");
                    }
                    stackProps.put(v.substring(0, eq), v.substring(eq + 1));
                } else {
                    options.put(a.substring(2), v);
                }
            }
            CryptoProvider crypto = CryptoProvider.getDefault();
            String keyText = options.containsKey("verification-key-file")
                    ? Files.readString(Path.of(options.get("verification-key-file")))
                            .strip()
                    : env.get("SPLITCAST_EDGE_VERIFICATION_KEY");
            if (keyText == null) {
                throw new IllegalArgumentException(
                        "--verification-key-file (or SPLITCAST_EDGE_VERIFICATION_KEY) is required");
            }
            LiveVerifier verifier = LiveVerifier.fromText(keyText, crypto);
            Map<String, String> props = new HashMap<>();
            if (options.containsKey("jgroups-properties")) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(Path.of(options.get("jgroups-properties")))) {
                    p.load(in);
                }
                p.forEach((k, v) -> props.put(k.toString(), v.toString()));
            }
            props.putAll(stackProps);
            SplitcastStacks.Transport transport = SplitcastStacks.Transport.of(options.getOrDefault("stack", "udp"));
            List<String> missing = SplitcastStacks.missingProperties(transport, props);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("missing JGroups properties: " + String.join(", ", missing));
            }
            InetSocketAddress bind = address(options.getOrDefault("http", "127.0.0.1:8480"));
            int window = positive(options.getOrDefault("window-frames", "256"), "--window-frames");
            int maxReaders = positive(options.getOrDefault("max-readers", "1000"), "--max-readers");
            String cluster = options.getOrDefault("cluster", SplitcastStacks.DEFAULT_CLUSTER_NAME);

            JChannel channel;
            EdgeRelay relay;
            try {
                channel = SplitcastStacks.newChannel(transport, props);
                relay = new EdgeRelay(channel, cluster, window);
                relay.start();
            } catch (Exception e) {
                err.println(NAME + ": cannot join the cluster: " + e.getMessage());
                return UNAVAILABLE;
            }
            EdgeHttpServer http;
            try {
                http = new EdgeHttpServer(relay, verifier, Clock.systemUTC(), bind, maxReaders);
            } catch (IOException e) {
                relay.stop();
                err.println(NAME + ": cannot listen on " + bind + ": " + e.getMessage());
                return UNAVAILABLE;
            }
            http.start();
            EdgeNode node = new EdgeNode(relay, http);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                stopped.countDown();
            }));
            out.println(NAME + ": listening on " + http.baseUri());
            out.flush();
            stopped.await();
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Try '" + NAME + " --help'.");
            return USAGE;
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } catch (RuntimeException e) {
            err.println(NAME + ": internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return INTERNAL;
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--http takes HOST:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--http port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http port out of range");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port);
    }

    private static int positive(String v, String option) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException(option + " must be a positive number");
    }
}

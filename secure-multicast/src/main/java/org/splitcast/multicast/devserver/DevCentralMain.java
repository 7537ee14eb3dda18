package org.splitcast.multicast.devserver;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;
import org.splitcast.jgroups.SplitcastStacks;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.multicast.auth.InMemoryChallengeStore;
import org.splitcast.multicast.auth.SessionAuthenticator;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.publish.LivePublisher;
import org.splitcast.multicast.publish.MainStreamWindow;
import org.splitcast.multicast.publish.StoredStreamSource;

/**
 * {@code splitcast-dev-central}: a development central server on one machine (docs/live.md §8):
 * one live channel replayed from a stored separation, the publisher on the JGroups cluster, the
 * live REST API of {@link DevCentralServer}, terminals registered from the command line. Not for
 * production: no database, a fresh live signing key per start.
 */
public final class DevCentralMain {

    static final String NAME = "splitcast-dev-central";
    static final String USAGE =
            """
            Usage: splitcast-dev-central --main FILE --complementary FILE --content ID
                     --jgroups-properties FILE --verification-key-out FILE --terminal ID=KEYFILE...
                     [--http HOST:PORT] [--stack tcp|udp] [--cluster NAME] [--set NAME=VALUE]...
                     [--once] [--speed X] [--key-period SECONDS] [--session-lifetime SECONDS]
              --terminal ID=KEYFILE  a terminal and its key: base64 of its 32-byte KT, or its PEM public key
              --verification-key-out FILE  where the edges' and terminals' live verification key is written
            Prints 'splitcast-dev-central: listening on URL'. Stops on SIGTERM/SIGINT.
            """;

    private DevCentralMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println(NAME + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(5);
        }
    }

    static void run(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        Map<String, String> stack = new HashMap<>();
        List<String> terminals = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help")) {
                System.out.print(USAGE);
                return;
            }
            if (a.equals("--once")) {
                o.put("once", "true");
                continue;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + a + "'");
            }
            String v = args[++i];
            switch (a) {
                case "--terminal" -> terminals.add(v);
                case "--set" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set takes NAME=VALUE");
                    }
                    stack.put(v.substring(0, eq), v.substring(eq + 1));
                }
                case "--main",
                        "--complementary",
                        "--content",
                        "--jgroups-properties",
                        "--verification-key-out",
                        "--http",
                        "--stack",
                        "--cluster",
                        "--speed",
                        "--key-period",
                        "--session-lifetime" -> o.put(a.substring(2), v);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        for (String required :
                List.of("main", "complementary", "content", "jgroups-properties", "verification-key-out")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        CryptoProvider crypto = CryptoProvider.getDefault();
        Map<String, String> props = new HashMap<>();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(o.get("jgroups-properties")))) {
            p.load(in);
        }
        p.forEach((k, v) -> props.put(k.toString(), v.toString()));
        props.putAll(stack);
        SplitcastStacks.Transport transport = SplitcastStacks.Transport.of(o.getOrDefault("stack", "tcp"));
        LiveSigner signer = LiveSigner.generate("dev-" + Long.toHexString(System.currentTimeMillis()), crypto);
        Files.writeString(
                Path.of(o.get("verification-key-out")), signer.verifier().toText() + "\n");
        LivePublisher publisher = new LivePublisher(
                SplitcastStacks.newChannel(transport, props),
                o.getOrDefault("cluster", SplitcastStacks.DEFAULT_CLUSTER_NAME),
                signer,
                new DeflateAesGcmChunkSealer(crypto),
                crypto,
                Clock.systemUTC());
        publisher.start();
        GroupPolicy policy = GroupPolicy.defaults()
                .withKeyPeriod(Duration.ofSeconds(Long.parseLong(o.getOrDefault("key-period", "300"))))
                .withSessionLifetime(Duration.ofSeconds(Long.parseLong(o.getOrDefault("session-lifetime", "600"))));
        String content = o.get("content");
        publisher.openGroup(
                content,
                content,
                policy,
                new StoredStreamSource(Path.of(o.get("main")), Path.of(o.get("complementary")), !o.containsKey("once")),
                new MainStreamWindow(256),
                Double.parseDouble(o.getOrDefault("speed", "1")));
        String http = o.getOrDefault("http", "127.0.0.1:8470");
        int colon = http.lastIndexOf(':');
        DevCentralServer api = new DevCentralServer(
                publisher,
                new SessionAuthenticator(
                        new InMemoryChallengeStore(10_000, Clock.systemUTC()),
                        Duration.ofMinutes(2),
                        Clock.systemUTC(),
                        crypto),
                signer.verifier().toText(),
                new InetSocketAddress(http.substring(0, colon), Integer.parseInt(http.substring(colon + 1))));
        for (String t : terminals) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--terminal takes ID=KEYFILE");
            }
            String text = Files.readString(Path.of(t.substring(eq + 1)), StandardCharsets.UTF_8)
                    .strip();
            TerminalKey key = text.startsWith("-----BEGIN")
                    ? new TerminalKey.Public(
                            new PublicKeyCodec(crypto).parse(text).key())
                    : new TerminalKey.Symmetric(Base64.getDecoder().decode(text));
            api.registerTerminal(t.substring(0, eq), key);
        }
        api.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            publisher.stop();
            stopped.countDown();
        }));
        System.out.println(NAME + ": listening on " + api.baseUri());
        System.out.flush();
        stopped.await();
    }
}

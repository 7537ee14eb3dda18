package org.splitcast.session.live.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.splitcast.jgroups.DevelopmentPki;
import org.splitcast.jgroups.SplitcastStacks;

/**
 * A development installation of the live cluster on one machine, made once in {@code
 * <splitcast.live.dir>/cluster/} when no stack properties are configured: a cluster CA, a node
 * certificate for the central server ({@code OU=central}) and for three edges ({@code OU=edge}),
 * the join key pair and secret (docs/jgroups.md §3.3; made by jgroups-config's {@link
 * DevelopmentPki}), and one properties file per edge ({@code
 * edge-1.properties}...) that {@code bin/splitcast-edge --jgroups-properties} takes as it is. All
 * on the loopback interface, ports from {@code base} (docs/live.md §8):
 *
 * <pre>
 * central  transport base, key exchange base+1..3, failure detection base+5..7
 * edge N   transport base+10N, key exchange base+10N+1..3, failure detection base+10N+5..7
 * </pre>
 *
 * The files are readable by their owner only; the CA's private key is not kept. For production
 * configure {@code splitcast.live.jgroups.properties} with credentials of a real CA instead.
 */
final class ClusterCredentials {

    static final int EDGES = 3;
    static final String CENTRAL = "central";
    /** How long the development CA, the join credential and the node certificates are valid. */
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private ClusterCredentials() {}

    /**
     * The central server's stack properties, making the installation first if {@code folder} has
     * none.
     */
    static Map<String, String> centralProperties(Path folder, String bindAddress, int base) throws Exception {
        Path central = folder.resolve(CENTRAL + ".properties");
        if (!Files.exists(central)) {
            create(folder, bindAddress, base);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(central)) {
            p.load(in);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static void create(Path folder, String bindAddress, int base) throws Exception {
        Files.createDirectories(folder);
        SecureRandom random = new SecureRandom();
        String password = token(random);
        String joinSecret = token(random);
        DevelopmentPki pki = new DevelopmentPki("splitcast development", VALIDITY);
        Path joinStore = folder.resolve("join.p12");
        pki.writeJoinStore(joinStore, password.toCharArray());
        ownerOnly(joinStore);
        writeNode(folder, CENTRAL, "central", 0, bindAddress, base, password, joinStore, joinSecret, pki);
        for (int n = 1; n <= EDGES; n++) {
            writeNode(folder, "edge-" + n, "edge", n, bindAddress, base, password, joinStore, joinSecret, pki);
        }
    }

    private static void writeNode(
            Path folder,
            String node,
            String unit,
            int n,
            String bindAddress,
            int base,
            String password,
            Path joinStore,
            String joinSecret,
            DevelopmentPki pki)
            throws Exception {
        Path store = folder.resolve(node + ".p12");
        pki.writeNodeStore(store, node, unit, password.toCharArray());
        ownerOnly(store);
        int port = base + 10 * n;
        Properties p = new Properties();
        p.setProperty(SplitcastStacks.BIND_ADDR, bindAddress);
        p.setProperty(SplitcastStacks.BIND_PORT, Integer.toString(port));
        p.setProperty(SplitcastStacks.PORT_RANGE, "0");
        p.setProperty(SplitcastStacks.INITIAL_HOSTS, bindAddress + "[" + base + "]");
        p.setProperty(SplitcastStacks.TCPPING_PORT_RANGE, "0");
        p.setProperty(SplitcastStacks.KEY_EXCHANGE_PORT, Integer.toString(port + 1));
        p.setProperty("splitcast.jgroups.key_exchange.port_range", "2");
        p.setProperty("splitcast.jgroups.fd_sock.offset", "5");
        p.setProperty("splitcast.jgroups.fd_sock.port_range", "2");
        p.setProperty(SplitcastStacks.KEYSTORE_PATH, store.toAbsolutePath().toString());
        p.setProperty(SplitcastStacks.KEYSTORE_PASSWORD, password);
        p.setProperty(
                SplitcastStacks.AUTH_KEYSTORE_PATH, joinStore.toAbsolutePath().toString());
        p.setProperty(SplitcastStacks.AUTH_KEYSTORE_PASSWORD, password);
        p.setProperty(SplitcastStacks.AUTH_SECRET, joinSecret);
        Path file = folder.resolve(node + ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "splitcast live cluster, development installation: node " + node + " (docs/live.md §8)");
        }
        ownerOnly(file);
    }

    private static String token(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: left as created
        }
    }
}

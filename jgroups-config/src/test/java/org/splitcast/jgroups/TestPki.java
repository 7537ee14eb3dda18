package org.splitcast.jgroups;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throw-away PKI for the tests, made at run time under {@code target/} by {@link DevelopmentPki}
 * (a cluster CA, node certificates it signs and the shared join key pair, valid for a day), with
 * the node properties that point a stack at them. Nothing here is ever committed.
 */
public final class TestPki {

    public static final String PASSWORD = "test-only-password";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path folder;
    private final DevelopmentPki pki;
    private final Path joinStore;
    private final String joinSecret;

    /** A new installation: its own CA, join key pair and join secret. */
    public TestPki(Path folder, String name) throws Exception {
        this.folder = Files.createDirectories(folder);
        this.pki = new DevelopmentPki(name, Duration.ofDays(1));
        this.joinSecret = name + "-join-secret-" + new BigInteger(64, new SecureRandom());
        this.joinStore = folder.resolve("join.p12");
        pki.writeJoinStore(joinStore, PASSWORD.toCharArray());
    }

    /**
     * The properties of a node of this installation: its own certificate (subject {@code
     * CN=<node>,OU=<unit>,O=splitcast}) and the shared join credential.
     */
    public Map<String, String> nodeCredentials(String node, String unit) throws Exception {
        return credentials(node, unit, this, joinSecret);
    }

    /**
     * A node with a certificate of {@code certificatesFrom} (its CA, as trusted anchor too) but
     * the join credential of this installation.
     */
    Map<String, String> credentialsWithCertificateOf(TestPki certificatesFrom, String node) throws Exception {
        return credentials(node, "edge", certificatesFrom, joinSecret);
    }

    /** A node of this installation whose join secret is wrong. */
    Map<String, String> credentialsWithJoinSecret(String node, String secret) throws Exception {
        return credentials(node, "edge", this, secret);
    }

    private Map<String, String> credentials(String node, String unit, TestPki certificates, String secret)
            throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put(SplitcastStacks.KEYSTORE_PATH, certificates.nodeStore(node, unit).toString());
        p.put(SplitcastStacks.KEYSTORE_PASSWORD, PASSWORD);
        p.put(SplitcastStacks.AUTH_KEYSTORE_PATH, joinStore.toString());
        p.put(SplitcastStacks.AUTH_KEYSTORE_PASSWORD, PASSWORD);
        p.put(SplitcastStacks.AUTH_SECRET, secret);
        return p;
    }

    /** A new node store of this installation's CA, in a file of its own. */
    Path nodeStore(String node, String unit) throws Exception {
        Path file = folder.resolve(node + "-" + SERIAL.incrementAndGet() + ".p12");
        pki.writeNodeStore(file, node, unit, PASSWORD.toCharArray());
        return file;
    }
}

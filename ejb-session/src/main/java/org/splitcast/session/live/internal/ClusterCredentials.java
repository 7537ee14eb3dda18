package org.splitcast.session.live.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.splitcast.jgroups.SplitcastStacks;

/**
 * A development installation of the live cluster on one machine, made once in {@code
 * <splitcast.live.dir>/cluster/} when no stack properties are configured: a cluster CA, a node
 * certificate for the central server ({@code OU=central}) and for three edges ({@code OU=edge}),
 * the join key pair and secret (docs/jgroups.md §3.3), and one properties file per edge ({@code
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
    private static final String NODE_ALIAS = "node";
    private static final String JOIN_ALIAS = "splitcast-join";

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
        KeyPair ca = ecKeys();
        X500Name caName = x500("CN=splitcast development cluster CA,O=splitcast");
        X509Certificate caCert = sign(caName, caName, ca.getPublic(), ca.getPrivate(), true);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048, random);
        KeyPair join = rsa.generateKeyPair();
        X500Name joinName = x500("CN=splitcast join credential,O=splitcast");
        X509Certificate joinCert = sign(joinName, joinName, join.getPublic(), join.getPrivate(), false);
        Path joinStore = folder.resolve("join.p12");
        write(joinStore, password, Map.of(JOIN_ALIAS, new Object[] {join.getPrivate(), new Certificate[] {joinCert}}));
        writeNode(folder, CENTRAL, "central", 0, bindAddress, base, password, joinStore, joinSecret, ca, caCert);
        for (int n = 1; n <= EDGES; n++) {
            writeNode(folder, "edge-" + n, "edge", n, bindAddress, base, password, joinStore, joinSecret, ca, caCert);
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
            KeyPair ca,
            X509Certificate caCert)
            throws Exception {
        KeyPair keys = ecKeys();
        X509Certificate cert = sign(
                x500("CN=" + node + ",OU=" + unit + ",O=splitcast"),
                X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                keys.getPublic(),
                ca.getPrivate(),
                false);
        Map<String, Object> entries = new HashMap<>();
        entries.put(NODE_ALIAS, new Object[] {keys.getPrivate(), new Certificate[] {cert, caCert}});
        entries.put("splitcast-ca", caCert);
        Path store = folder.resolve(node + ".p12");
        write(store, password, entries);
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

    private static void write(Path path, String password, Map<String, ?> entries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            if (e.getValue() instanceof Certificate trusted) {
                store.setCertificateEntry(e.getKey(), trusted);
            } else {
                Object[] keyAndChain = (Object[]) e.getValue();
                store.setKeyEntry(e.getKey(), (PrivateKey) keyAndChain[0], password.toCharArray(), (Certificate[])
                        keyAndChain[1]);
            }
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
        ownerOnly(path);
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: left as created
        }
    }

    private static X500Name x500(String rfc2253) {
        return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    private static X509Certificate sign(
            X500Name subject, X500Name issuer, PublicKey subjectKey, PrivateKey issuerKey, boolean ca)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(3650))),
                subject,
                subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else if ("RSA".equals(subjectKey.getAlgorithm())) {
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
        }
        String algorithm = "RSA".equals(issuerKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }
}

package org.splitcast.jgroups;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for the tests, made at run time under {@code target/}: a cluster CA, node
 * certificates it signs (EC P-256, for the TLS key exchange) and the shared join key pair (RSA, for
 * AUTH's X509Token), written as PKCS#12 files with the layout docs/jgroups.md describes. Nothing
 * here is ever committed.
 */
public final class TestPki {

    public static final String PASSWORD = "test-only-password";
    static final String JOIN_ALIAS = "splitcast-join";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path folder;
    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final Path joinStore;
    private final String joinSecret;

    /** A new installation: its own CA, join key pair and join secret. */
    public TestPki(Path folder, String name) throws Exception {
        this.folder = Files.createDirectories(folder);
        this.caKeys = ecKeys();
        X500Name caName = x500("CN=" + name + " cluster CA,O=splitcast");
        this.caCert = sign(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), true, Duration.ofDays(1));
        this.joinSecret = name + "-join-secret-" + new BigInteger(64, new SecureRandom());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair join = rsa.generateKeyPair();
        X500Name joinName = x500("CN=" + name + " join credential,O=splitcast");
        X509Certificate joinCert =
                sign(joinName, joinName, join.getPublic(), join.getPrivate(), false, Duration.ofDays(1));
        this.joinStore =
                write("join.p12", Map.of(JOIN_ALIAS, new Object[] {join.getPrivate(), new Certificate[] {joinCert}}));
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

    /** node.p12: the node's key + [node cert, CA cert], and the CA as trusted entry. */
    Path nodeStore(String node, String unit) throws Exception {
        KeyPair keys = ecKeys();
        X509Certificate cert = sign(
                x500("CN=" + node + ",OU=" + unit + ",O=splitcast"),
                X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                keys.getPublic(),
                caKeys.getPrivate(),
                false,
                Duration.ofHours(2));
        Map<String, Object> entries = new HashMap<>();
        entries.put("node", new Object[] {keys.getPrivate(), new Certificate[] {cert, caCert}});
        entries.put("splitcast-ca", caCert);
        return write(node + "-" + SERIAL.incrementAndGet() + ".p12", entries);
    }

    private Path write(String file, Map<String, ?> entries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            if (e.getValue() instanceof Certificate trusted) {
                store.setCertificateEntry(e.getKey(), trusted);
            } else {
                Object[] keyAndChain = (Object[]) e.getValue();
                store.setKeyEntry(e.getKey(), (PrivateKey) keyAndChain[0], PASSWORD.toCharArray(), (Certificate[])
                        keyAndChain[1]);
            }
        }
        Path path = folder.resolve(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return path;
    }

    /** An RFC 2253 name (most specific first), encoded in the usual order (country/org first). */
    private static X500Name x500(String rfc2253) {
        return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    private static X509Certificate sign(
            X500Name subject,
            X500Name issuer,
            java.security.PublicKey subjectKey,
            PrivateKey issuerKey,
            boolean ca,
            Duration validity)
            throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)),
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

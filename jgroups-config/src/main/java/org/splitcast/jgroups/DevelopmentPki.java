package org.splitcast.jgroups;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
import java.util.Date;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A cluster PKI made on the spot, for a development installation (the server's development
 * cluster, {@code ClusterCredentials} in ejb-session) and for tests: a cluster CA (EC P-256), node
 * certificates it signs ({@code CN=<node>,OU=<unit>,O=splitcast}, for the TLS key exchange of
 * {@code secure-protocols.xml}) and the shared join key pair (RSA 2048, self-signed, for AUTH's
 * X509Token), written as PKCS#12 key stores with the aliases and layout of docs/jgroups.md §3:
 *
 * <pre>
 * node store   "node"           the node's key + [node certificate, CA certificate]
 *              "splitcast-ca"   the CA certificate, as trusted entry
 * join store   "splitcast-join" the join key pair + its certificate
 * </pre>
 *
 * The CA's private key lives in this object only: once it is gone, no further node can be
 * certified. Not for production, where the certificates come from a real CA.
 */
public final class DevelopmentPki {

    /** Alias of the node's key entry in a node store. */
    public static final String NODE_ALIAS = "node";
    /** Alias of the trusted CA certificate in a node store. */
    public static final String CA_ALIAS = "splitcast-ca";
    /** Alias of the join key pair in the join store ({@code splitcast.jgroups.auth.alias}'s default). */
    public static final String JOIN_ALIAS = "splitcast-join";

    private final SecureRandom random = new SecureRandom();
    private final Duration validity;
    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final KeyPair joinKeys;
    private final X509Certificate joinCert;

    /**
     * A new installation: its CA ({@code CN=<name> cluster CA,O=splitcast}) and join key pair
     * ({@code CN=<name> join credential,O=splitcast}).
     *
     * @param validity how long the CA, the join credential and each node certificate are valid
     *     (from five minutes ago, for clocks a little behind)
     */
    public DevelopmentPki(String name, Duration validity) throws GeneralSecurityException {
        Objects.requireNonNull(name, "name");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.caKeys = ecKeys();
        X500Name caName = x500("CN=" + name + " cluster CA,O=splitcast");
        this.caCert = sign(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), true);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048, random);
        this.joinKeys = rsa.generateKeyPair();
        X500Name joinName = x500("CN=" + name + " join credential,O=splitcast");
        this.joinCert = sign(joinName, joinName, joinKeys.getPublic(), joinKeys.getPrivate(), false);
    }

    /** The CA certificate every node store trusts. */
    public X509Certificate caCertificate() {
        return caCert;
    }

    /** Writes the join store (the join key pair under {@link #JOIN_ALIAS}) to {@code file}. */
    public void writeJoinStore(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = emptyStore();
        store.setKeyEntry(JOIN_ALIAS, joinKeys.getPrivate(), password, new Certificate[] {joinCert});
        write(store, file, password);
    }

    /**
     * Writes a node store for a new key pair and certificate {@code CN=<node>,OU=<unit>,O=splitcast}
     * signed by the CA ({@code OU=central} or {@code OU=edge}: docs/jgroups.md §3.2).
     */
    public void writeNodeStore(Path file, String node, String unit, char[] password)
            throws GeneralSecurityException, IOException {
        KeyPair keys = ecKeys();
        X509Certificate cert = sign(
                x500("CN=" + node + ",OU=" + unit + ",O=splitcast"),
                X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                keys.getPublic(),
                caKeys.getPrivate(),
                false);
        KeyStore store = emptyStore();
        store.setKeyEntry(NODE_ALIAS, keys.getPrivate(), password, new Certificate[] {cert, caCert});
        store.setCertificateEntry(CA_ALIAS, caCert);
        write(store, file, password);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static void write(KeyStore store, Path file, char[] password) throws GeneralSecurityException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    /** An RFC 2253 name (most specific first), encoded in the usual order (country/org first). */
    private static X500Name x500(String rfc2253) {
        return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
    }

    private KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"), random);
        return ec.generateKeyPair();
    }

    private X509Certificate sign(
            X500Name subject, X500Name issuer, PublicKey subjectKey, PrivateKey issuerKey, boolean ca)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)),
                subject,
                subjectKey);
        try {
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
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot make the certificate of " + subject, e);
        }
    }
}

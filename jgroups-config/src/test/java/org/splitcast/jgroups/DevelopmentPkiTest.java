package org.splitcast.jgroups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores DevelopmentPki writes have the layout the stacks read (docs/jgroups.md §3). */
class DevelopmentPkiTest {

    static final char[] PASSWORD = "pki-test".toCharArray();

    @TempDir
    Path folder;

    static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    @Test
    void nodeStoreHoldsAKeyCertifiedByTheCaAndTheCaAsTrustedEntry() throws Exception {
        DevelopmentPki pki = new DevelopmentPki("dev", Duration.ofDays(3650));
        Path file = folder.resolve("sub/edge-1.p12");
        pki.writeNodeStore(file, "edge-1", "edge", PASSWORD);

        KeyStore store = load(file);
        assertEquals(
                List.of(DevelopmentPki.NODE_ALIAS, DevelopmentPki.CA_ALIAS),
                Collections.list(store.aliases()).stream().sorted().toList());
        assertTrue(store.isKeyEntry(DevelopmentPki.NODE_ALIAS));
        assertTrue(store.isCertificateEntry(DevelopmentPki.CA_ALIAS));
        Certificate[] chain = store.getCertificateChain(DevelopmentPki.NODE_ALIAS);
        assertEquals(2, chain.length);
        X509Certificate node = (X509Certificate) chain[0];
        X509Certificate ca = (X509Certificate) store.getCertificate(DevelopmentPki.CA_ALIAS);
        assertArrayEquals(pki.caCertificate().getEncoded(), ca.getEncoded());
        node.verify(ca.getPublicKey());
        assertEquals(
                "CN=edge-1,OU=edge,O=splitcast", node.getSubjectX500Principal().getName());
        assertEquals(-1, node.getBasicConstraints(), "a node is no CA");
        assertTrue(ca.getBasicConstraints() >= 0, "the CA is one");
        assertTrue(
                node.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(3640))),
                "valid as long as asked: " + node.getNotAfter());
        assertEquals("EC", store.getKey(DevelopmentPki.NODE_ALIAS, PASSWORD).getAlgorithm());
    }

    @Test
    void installationsDoNotTrustEachOther() throws Exception {
        DevelopmentPki ours = new DevelopmentPki("ours", Duration.ofDays(1));
        DevelopmentPki other = new DevelopmentPki("other", Duration.ofDays(1));
        Path file = folder.resolve("n.p12");
        other.writeNodeStore(file, "n", "edge", PASSWORD);
        X509Certificate node = (X509Certificate) load(file).getCertificateChain(DevelopmentPki.NODE_ALIAS)[0];
        assertThrows(
                SignatureException.class, () -> node.verify(ours.caCertificate().getPublicKey()));
    }

    @Test
    void joinStoreHoldsTheRsaJoinKeyUnderItsAlias() throws Exception {
        DevelopmentPki pki = new DevelopmentPki("dev", Duration.ofDays(1));
        Path file = folder.resolve("join.p12");
        pki.writeJoinStore(file, PASSWORD);
        KeyStore store = load(file);
        assertEquals(List.of(DevelopmentPki.JOIN_ALIAS), Collections.list(store.aliases()));
        assertEquals("RSA", store.getKey(DevelopmentPki.JOIN_ALIAS, PASSWORD).getAlgorithm());
        X509Certificate cert = (X509Certificate) store.getCertificate(DevelopmentPki.JOIN_ALIAS);
        assertEquals(
                "CN=dev join credential,O=splitcast",
                cert.getSubjectX500Principal().getName());
        String stackDefault = SplitcastStacks.properties(SplitcastStacks.Transport.TCP).stream()
                .filter(p -> p.name().equals(SplitcastStacks.AUTH_ALIAS))
                .findFirst()
                .orElseThrow()
                .defaultValue();
        assertEquals(stackDefault, DevelopmentPki.JOIN_ALIAS, "the alias the stacks look for by default");
    }
}

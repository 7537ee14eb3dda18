package org.splitcast.session.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.jgroups.DevelopmentPki;
import org.splitcast.jgroups.SplitcastStacks;

/** The development cluster the server makes on its first start (docs/live.md §8). */
class ClusterCredentialsTest {

    @TempDir
    Path folder;

    static KeyStore load(String path, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    static Properties edge(Path folder, int n) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve("edge-" + n + ".properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void firstCallMakesACentralAndThreeEdgesOfOneCaOnTheirPortsOwnerOnly() throws Exception {
        Path cluster = folder.resolve("cluster");
        Map<String, String> central = ClusterCredentials.centralProperties(cluster, "127.0.0.1", 22060);

        assertEquals("22060", central.get(SplitcastStacks.BIND_PORT));
        assertEquals("127.0.0.1[22060]", central.get(SplitcastStacks.INITIAL_HOSTS));
        KeyStore centralStore =
                load(central.get(SplitcastStacks.KEYSTORE_PATH), central.get(SplitcastStacks.KEYSTORE_PASSWORD));
        X509Certificate ca = (X509Certificate) centralStore.getCertificate(DevelopmentPki.CA_ALIAS);
        X509Certificate centralCert = (X509Certificate) centralStore.getCertificate(DevelopmentPki.NODE_ALIAS);
        centralCert.verify(ca.getPublicKey());
        assertEquals(
                "CN=central,OU=central,O=splitcast",
                centralCert.getSubjectX500Principal().getName());
        KeyStore join = load(
                central.get(SplitcastStacks.AUTH_KEYSTORE_PATH), central.get(SplitcastStacks.AUTH_KEYSTORE_PASSWORD));
        assertTrue(join.isKeyEntry(DevelopmentPki.JOIN_ALIAS), "the join key pair");

        for (int n = 1; n <= ClusterCredentials.EDGES; n++) {
            Properties edge = edge(cluster, n);
            assertEquals(Integer.toString(22060 + 10 * n), edge.getProperty(SplitcastStacks.BIND_PORT));
            assertEquals(central.get(SplitcastStacks.AUTH_SECRET), edge.getProperty(SplitcastStacks.AUTH_SECRET));
            KeyStore store = load(
                    edge.getProperty(SplitcastStacks.KEYSTORE_PATH),
                    edge.getProperty(SplitcastStacks.KEYSTORE_PASSWORD));
            X509Certificate cert = (X509Certificate) store.getCertificate(DevelopmentPki.NODE_ALIAS);
            cert.verify(ca.getPublicKey());
            assertEquals(
                    "CN=edge-" + n + ",OU=edge,O=splitcast",
                    cert.getSubjectX500Principal().getName());
        }
        try (var files = Files.list(cluster)) {
            files.forEach(f -> {
                try {
                    assertEquals(
                            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void laterCallsKeepTheInstallation() throws Exception {
        Path cluster = folder.resolve("cluster");
        Map<String, String> first = ClusterCredentials.centralProperties(cluster, "127.0.0.1", 22060);
        byte[] store = Files.readAllBytes(Path.of(first.get(SplitcastStacks.KEYSTORE_PATH)));
        Map<String, String> again = ClusterCredentials.centralProperties(cluster, "127.0.0.1", 22060);
        assertEquals(first, again);
        assertTrue(
                java.util.Arrays.equals(store, Files.readAllBytes(Path.of(again.get(SplitcastStacks.KEYSTORE_PATH)))),
                "the key store is not made again");
    }
}

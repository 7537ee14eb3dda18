package org.splitcast.registry.keys.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.crypto.CryptoProvider;

class MasterKeyStoreTest {

    private final CryptoProvider crypto = CryptoProvider.getDefault();

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesAnOwnerOnlyKeystoreThatTheNextStartOpens() throws Exception {
        Path path = dir.resolve("keystore/master.p12");
        char[] password = KeystorePassword.resolve(Optional.empty(), path, crypto);

        MasterKeyStore created = MasterKeyStore.openOrCreate(path, password, crypto);
        MasterKeyStore reopened = MasterKeyStore.openOrCreate(path, password, crypto);

        assertTrue(created.created());
        assertFalse(reopened.created());
        assertEquals(1, reopened.currentVersion());
        assertArrayEquals(
                created.key(1).orElseThrow().getEncoded(),
                reopened.key(1).orElseThrow().getEncoded());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        Path passwordFile = KeystorePassword.passwordFile(path);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertArrayEquals(password, KeystorePassword.resolve(Optional.empty(), path, crypto));
        try (var leftovers = Files.list(path.getParent())) {
            assertEquals(2, leftovers.count(), "only the keystore and its password file");
        }
    }

    @Test
    void configuredPasswordWinsOverTheFile() {
        Path path = dir.resolve("master.p12");

        char[] password = KeystorePassword.resolve(Optional.of("from-config"), path, crypto);

        assertArrayEquals("from-config".toCharArray(), password);
        assertFalse(Files.exists(KeystorePassword.passwordFile(path)));
    }

    @Test
    void wrongPasswordIsAClearError() {
        Path path = dir.resolve("master.p12");
        MasterKeyStore.openOrCreate(path, "right".toCharArray(), crypto);

        KeyVaultException e = assertThrows(
                KeyVaultException.class, () -> MasterKeyStore.openOrCreate(path, "wrong".toCharArray(), crypto));

        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
        assertFalse(e.getMessage().contains("right"));
    }

    @Test
    void existingKeystoreWithoutAnyPasswordIsRefused() {
        Path path = dir.resolve("master.p12");
        MasterKeyStore.openOrCreate(path, "configured".toCharArray(), crypto);

        assertThrows(KeyVaultException.class, () -> KeystorePassword.resolve(Optional.empty(), path, crypto));
    }

    @Test
    void notAKeystoreIsAClearError() throws Exception {
        Path path = dir.resolve("master.p12");
        Files.writeString(path, "this is not PKCS#12");

        assertThrows(KeyVaultException.class, () -> MasterKeyStore.openOrCreate(path, "x".toCharArray(), crypto));
    }
}

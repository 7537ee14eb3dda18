package org.splitcast.registry.keys.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.splitcast.crypto.CryptoProvider;

/**
 * Where the keystore password comes from: the configuration ({@code splitcast.keystore.password},
 * e.g. the environment variable SPLITCAST_KEYSTORE_PASSWORD, as production should), or else a
 * random password that the first start writes beside the keystore in a file only its owner can
 * read ({@code master.p12.password}). The second way suits a single machine, not a cluster.
 */
public final class KeystorePassword {

    private KeystorePassword() {}

    public static char[] resolve(Optional<String> configured, Path keystore, CryptoProvider crypto) {
        if (configured.isPresent() && !configured.get().isEmpty()) {
            return configured.get().toCharArray();
        }
        Path file = passwordFile(keystore);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
            }
            if (Files.exists(keystore)) {
                throw new KeyVaultException("the keystore " + keystore + " exists but neither "
                        + "splitcast.keystore.password nor " + file.getFileName() + " gives its password");
            }
            MasterKeyStore.createOwnerOnlyDirectories(file.toAbsolutePath().getParent());
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(crypto.randomBytes(32));
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
            }
            Files.writeString(file, password, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return password.toCharArray();
        } catch (IOException e) {
            throw new KeyVaultException("cannot read or create the keystore password file " + file, e);
        }
    }

    static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }
}

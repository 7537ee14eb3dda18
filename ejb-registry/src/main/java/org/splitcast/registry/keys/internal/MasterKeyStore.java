package org.splitcast.registry.keys.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * The master keys (KEK), kept in a PKCS#12 file outside the database as secret-key entries named
 * {@code splitcast-master-<version>}. {@link #openOrCreate} creates the file with one fresh AES-256
 * key the first time; the file is written under a temporary name, readable by its owner only, and
 * moved into place, so a crash never leaves a half-written keystore.
 */
public final class MasterKeyStore implements MasterKeys {

    static final String ALIAS_PREFIX = "splitcast-master-";
    private static final String TYPE = "PKCS12";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final Map<Integer, SecretKey> keys;
    private final int currentVersion;
    private final boolean created;

    private MasterKeyStore(Path path, Map<Integer, SecretKey> keys, boolean created) {
        if (keys.isEmpty()) {
            throw new KeyVaultException("the keystore " + path + " holds no splitcast master key");
        }
        this.path = path;
        this.keys = Collections.unmodifiableMap(keys);
        this.currentVersion = ((TreeMap<Integer, SecretKey>) keys).lastKey();
        this.created = created;
    }

    /**
     * Opens the keystore at {@code path}, or creates it with a new master key if there is no file.
     *
     * @throws KeyVaultException if the file exists but cannot be read with {@code password}, or the
     *     folder cannot be written
     */
    public static MasterKeyStore openOrCreate(Path path, char[] password, CryptoProvider crypto) {
        if (Files.exists(path)) {
            return open(path, password, crypto);
        }
        try {
            return create(path, password, crypto);
        } catch (FileAlreadyExistsException raced) {
            // another node of the cluster created it first: use theirs
            return open(path, password, crypto);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyVaultException("cannot create the master keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static MasterKeyStore open(Path path, char[] password, CryptoProvider crypto) {
        KeyStore store = crypto.keyStore(TYPE);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
            Map<Integer, SecretKey> keys = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(ALIAS_PREFIX) && store.isKeyEntry(alias)) {
                    int version = Integer.parseInt(alias.substring(ALIAS_PREFIX.length()));
                    if (store.getKey(alias, password) instanceof SecretKey key) {
                        keys.put(version, key);
                    }
                }
            }
            return new MasterKeyStore(path, keys, false);
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException whose cause is an UnrecoverableKeyException
            throw new KeyVaultException(
                    "cannot open the master keystore " + path + " (wrong password, or not a PKCS#12 file)", e);
        } catch (GeneralSecurityException | NumberFormatException e) {
            throw new KeyVaultException("cannot read the master keys of " + path, e);
        }
    }

    private static MasterKeyStore create(Path path, char[] password, CryptoProvider crypto)
            throws IOException, GeneralSecurityException {
        Path folder = path.toAbsolutePath().getParent();
        createOwnerOnlyDirectories(folder);
        SecretKey key = SecretKeys.generateAes(crypto, 256);
        KeyStore store = crypto.keyStore(TYPE);
        store.load(null, password);
        store.setEntry(ALIAS_PREFIX + 1, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        Path temporary = Files.createTempFile(folder, ".master", ".p12.tmp");
        try {
            restrictToOwner(temporary, OWNER_ONLY_FILE);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            moveIntoPlace(temporary, path);
        } finally {
            Files.deleteIfExists(temporary);
        }
        Map<Integer, SecretKey> keys = new TreeMap<>();
        keys.put(1, key);
        return new MasterKeyStore(path, keys, true);
    }

    /** Moves without replacing: if another process created the file meanwhile, theirs wins. */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (UnsupportedOperationException | AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static void createOwnerOnlyDirectories(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            restrictToOwner(folder, OWNER_ONLY_DIR);
        }
    }

    static void restrictToOwner(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    public Path path() {
        return path;
    }

    /** Whether this instance created the file (the first start on this data folder). */
    public boolean created() {
        return created;
    }

    @Override
    public int currentVersion() {
        return currentVersion;
    }

    @Override
    public Optional<SecretKey> key(int version) {
        return Optional.ofNullable(keys.get(version));
    }

    /** Whether the file is still where it was opened and readable. */
    public boolean fileReadable() {
        return Files.isReadable(path);
    }
}

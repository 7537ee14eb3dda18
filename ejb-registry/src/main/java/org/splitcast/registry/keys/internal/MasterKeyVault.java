package org.splitcast.registry.keys.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.crypto.AesGcm;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;

/**
 * The {@link KeyVault} of this server: opens (or, on the first start, creates) the master keystore
 * when the application starts, so that a missing or unreadable keystore stops the deployment with
 * a clear message instead of failing the first request.
 *
 * <p>Configuration: {@code splitcast.keystore.path} (default {@code
 * ${splitcast.data.dir}/keystore/master.p12}) and {@code splitcast.keystore.password} (see {@link
 * KeystorePassword}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable once started
public class MasterKeyVault implements KeyVault {

    private static final Logger LOG = Logger.getLogger(MasterKeyVault.class);
    private static final KeyOwner SELF_TEST = new KeyOwner("vault/self-test");

    @Inject
    @ConfigProperty(name = "splitcast.keystore.path")
    String keystorePath;

    @Inject
    @ConfigProperty(name = "splitcast.keystore.password")
    Optional<String> keystorePassword;

    private MasterKeyStore store;
    private EnvelopeCipher envelopes;

    @PostConstruct
    void start() {
        CryptoProvider crypto = CryptoProvider.getDefault();
        Path path = Path.of(keystorePath);
        char[] password = KeystorePassword.resolve(keystorePassword, path, crypto);
        try {
            store = MasterKeyStore.openOrCreate(path, password, crypto);
        } finally {
            Arrays.fill(password, '\0');
        }
        envelopes = new EnvelopeCipher(store, new AesGcm(crypto));
        LOG.infof(
                "Key vault %s master keystore %s (master key version %d, crypto provider %s)",
                store.created() ? "created" : "opened", store.path(), store.currentVersion(), crypto.name());
    }

    @Override
    public byte[] seal(byte[] secret, KeyOwner owner) {
        return envelopes.seal(secret, owner);
    }

    @Override
    public byte[] open(byte[] envelope, KeyOwner owner) {
        return envelopes.open(envelope, owner);
    }

    @Override
    public VaultStatus status() {
        String where = store.path().toString();
        if (!store.fileReadable()) {
            return new VaultStatus(where, store.currentVersion(), false, "keystore file missing or unreadable");
        }
        byte[] probe = CryptoProvider.getDefault().randomBytes(32);
        try {
            boolean same = Arrays.equals(probe, envelopes.open(envelopes.seal(probe, SELF_TEST), SELF_TEST));
            return new VaultStatus(where, store.currentVersion(), same, same ? null : "round trip gave other bytes");
        } catch (CryptoException e) {
            return new VaultStatus(where, store.currentVersion(), false, e.getMessage());
        }
    }
}

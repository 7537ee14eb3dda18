package org.splitcast.license.signing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.license.format.SigningKey;
import org.splitcast.license.format.VerificationKey;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;

/**
 * The active license signing key, opened once and kept in memory (signing is the hot path), and
 * the published ones. On the first start it creates a key of {@code
 * splitcast.license.signature-algorithm}. Another node may rotate the key: the active key id is
 * re-read from the database at most every {@code splitcast.license.signing-key-refresh}.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "MasterKeyVault"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LicenseSigningKeys {

    private static final Logger LOG = Logger.getLogger(LicenseSigningKeys.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @Inject
    @ConfigProperty(name = "splitcast.license.signature-algorithm", defaultValue = "PS256")
    String configuredAlgorithm;

    @Inject
    @ConfigProperty(name = "splitcast.license.signing-key-refresh", defaultValue = "PT30S")
    Duration refresh;

    private final CryptoProvider crypto = CryptoProvider.getDefault();

    private volatile SigningKey active;
    private volatile Instant checkedAt = Instant.EPOCH;

    @PostConstruct
    void start() {
        List<LicenseSigningKey> current = activeRows();
        if (current.isEmpty()) {
            SignatureAlgorithm algorithm = SigningAlgorithms.parse(configuredAlgorithm);
            LicenseSigningKey created = create(algorithm, Timestamps.now());
            LOG.infof("License signing key %s created (%s)", created.id(), algorithm.jwsName());
            current = List.of(created);
        }
        active = open(current.get(0));
        checkedAt = Instant.now();
        LOG.infof(
                "License signing key %s (%s) active, crypto provider %s",
                active.keyId(), active.algorithm().jwsName(), crypto.name());
    }

    /** The key that signs new access blocks. */
    public SigningKey active() {
        SigningKey key = active;
        Instant now = Instant.now();
        if (now.isAfter(checkedAt.plus(refresh))) {
            checkedAt = now;
            List<LicenseSigningKey> rows = activeRows();
            if (!rows.isEmpty() && !rows.get(0).id().equals(key.keyId())) {
                key = open(rows.get(0));
                active = key;
                LOG.infof("License signing key %s is now active (rotated elsewhere)", key.keyId());
            }
        }
        return key;
    }

    /** Every key whose licenses may still be valid: the active one and those retired recently. */
    public List<VerificationKey> published() {
        return em.createNamedQuery("LicenseSigningKey.findAll", LicenseSigningKey.class)
                .getResultStream()
                .map(LicenseSigningKeys::verificationKey)
                .toList();
    }

    /**
     * Creates a key of {@code algorithm}, makes it active and retires the others. Called inside
     * the caller's transaction: the new key becomes active here once it commits.
     */
    public SigningKey rotate(SignatureAlgorithm algorithm) {
        Instant now = Timestamps.now();
        activeRows().forEach(k -> k.retire(now));
        LicenseSigningKey created = create(algorithm, now);
        SigningKey key = open(created);
        active = key;
        checkedAt = Instant.now();
        return key;
    }

    /** Forgets retired keys once every license they signed has expired. */
    public int deleteRetiredBefore(Instant before) {
        return em.createNamedQuery("LicenseSigningKey.deleteRetiredBefore")
                .setParameter("before", before)
                .executeUpdate();
    }

    private List<LicenseSigningKey> activeRows() {
        return em.createNamedQuery("LicenseSigningKey.findActive", LicenseSigningKey.class)
                .getResultList();
    }

    private LicenseSigningKey create(SignatureAlgorithm algorithm, Instant now) {
        KeyPair pair = algorithm.generateKeyPair(crypto);
        String id = "ls-" + algorithm.jwsName().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            LicenseSigningKey row = new LicenseSigningKey(
                    id,
                    algorithm.jwsName(),
                    pair.getPublic().getEncoded(),
                    vault.seal(pkcs8, KeyOwner.licenseSigningKey(id)),
                    now);
            em.persist(row);
            return row;
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private SigningKey open(LicenseSigningKey row) {
        SignatureAlgorithm algorithm = SigningAlgorithms.parse(row.algorithm());
        byte[] pkcs8 = vault.open(row.wrappedPrivateKey(), KeyOwner.licenseSigningKey(row.id()));
        try {
            KeyFactory factory = crypto.keyFactory(SigningAlgorithms.keyFactoryName(algorithm));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(row.publicKey()));
            return new SigningKey(row.id(), algorithm, privateKey, publicKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new CryptoException("License signing key " + row.id() + " cannot be read", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static VerificationKey verificationKey(LicenseSigningKey row) {
        SignatureAlgorithm algorithm = SigningAlgorithms.parse(row.algorithm());
        try {
            PublicKey key = CryptoProvider.getDefault()
                    .keyFactory(SigningAlgorithms.keyFactoryName(algorithm))
                    .generatePublic(new X509EncodedKeySpec(row.publicKey()));
            return new VerificationKey(row.id(), algorithm, key);
        } catch (java.security.GeneralSecurityException e) {
            throw new CryptoException("License signing key " + row.id() + " has an unreadable public key", e);
        }
    }
}

package org.splitcast.license.signing;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.license.LicenseKeyService;
import org.splitcast.license.format.KeySet;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.license.format.SigningKey;
import org.splitcast.license.precompute.internal.PrecomputedAccessStore;

/** {@link LicenseKeyService} over {@link LicenseSigningKeys}. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
public class DefaultLicenseKeyService implements LicenseKeyService {

    private static final Logger LOG = Logger.getLogger(DefaultLicenseKeyService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    LicenseSigningKeys keys;

    @EJB
    PrecomputedAccessStore store;

    @PermitAll // the keys that verify licenses are public
    @Override
    public String keySetJson() {
        return KeySet.toJson(keys.published());
    }

    @PermitAll // the keys that verify licenses are public
    @Override
    public Optional<String> publicKeyPem(String keyId) {
        return keys.published().stream()
                .filter(k -> k.keyId().equals(keyId))
                .findFirst()
                .map(k -> KeySet.toPem(k.publicKey()));
    }

    @Override
    public List<SigningKeyView> list() {
        return em.createNamedQuery("LicenseSigningKey.findAll", LicenseSigningKey.class)
                .getResultStream()
                .map(k -> new SigningKeyView(k.id(), k.algorithm(), k.createdAt(), k.retiredAt()))
                .toList();
    }

    @Override
    public SigningKeyView rotate(String algorithm) throws InvalidRequestException {
        SignatureAlgorithm alg;
        try {
            alg = SigningAlgorithms.parse(algorithm);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        SigningKey key = keys.rotate(alg);
        int dropped = store.deleteNotSignedBy(key.keyId());
        LOG.infof(
                "License signing key rotated: %s (%s) is active; %d precomputed access blocks signed by older keys dropped",
                key.keyId(), alg.jwsName(), dropped);
        LicenseSigningKey row = em.find(LicenseSigningKey.class, key.keyId());
        return new SigningKeyView(row.id(), row.algorithm(), row.createdAt(), row.retiredAt());
    }
}
